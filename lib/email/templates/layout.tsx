// The frame every email shares: preview line, heading, body, a primary link and a footer.
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

const page = { backgroundColor: "#f5f5f4", fontFamily: "Helvetica, Arial, sans-serif", color: "#1c1917" };
const box = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px",
  maxWidth: "560px",
  borderRadius: "8px",
};
const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "6px",
  textDecoration: "none",
};

export function EmailLayout(props: {
  preview: string;
  heading: string;
  action?: { label: string; href: string };
  secondary?: { label: string; href: string };
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={box}>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action && (
            <Section style={{ margin: "24px 0" }}>
              <Button href={props.action.href} style={button}>
                {props.action.label}
              </Button>
            </Section>
          )}
          {props.secondary && (
            <Text>
              {props.secondary.label}: <Link href={props.secondary.href}>{props.secondary.href}</Link>
            </Text>
          )}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#78716c" }}>
            Sent by the delivery platform. Please do not reply to this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
