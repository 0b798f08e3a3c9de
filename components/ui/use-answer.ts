"use client";

import { useState } from "react";

/**
 * Calls `onAnswer` once for each new state of a form action, during render: React's way to follow
 * a changed input without an effect, so the form never paints the old value after an answer.
 */
export function useOnAnswer<S>(state: S, onAnswer: (state: S) => void) {
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    onAnswer(state);
  }
}
