// Renders a template to what we store and send: subject, HTML and the plain-text alternative.
import { render } from "@react-email/components";
import { createElement, type FunctionComponent } from "react";
import { templates, type TemplateName, type TemplateProps } from "@/lib/email/templates";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<T extends TemplateName>(
  template: T,
  props: TemplateProps<T>,
): Promise<RenderedEmail> {
  const entry = templates[template];
  const subject = (entry.subject as (p: TemplateProps<T>) => string)(props);
  const element = createElement(entry.Component as FunctionComponent<TemplateProps<T>>, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
