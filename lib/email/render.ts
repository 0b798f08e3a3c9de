// Renders a template to what we store and send: subject, HTML and the plain-text alternative.
import { plainTextSelectors, render } from "@react-email/components";
import { compile } from "html-to-text";
import { createElement, type FunctionComponent } from "react";
import { templates, type TemplateName, type TemplateProps } from "@/lib/email/templates";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * react-email's plain-text conversion (its `toPlainText` options), compiled once: converting with
 * fresh options compiles its selectors on every call, which cost more than rendering the email.
 */
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

export async function renderEmail<T extends TemplateName>(
  template: T,
  props: TemplateProps<T>,
): Promise<RenderedEmail> {
  const entry = templates[template];
  const subject = (entry.subject as (p: TemplateProps<T>) => string)(props);
  const element = createElement(entry.Component as FunctionComponent<TemplateProps<T>>, props);
  // Rendered once: the text is read off the HTML (what `render(…, { plainText: true })` does after
  // rendering the whole tree a second time, which was half the cost of an email).
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}
