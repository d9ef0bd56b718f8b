package com.clearskin.followups;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * One message's words, written once and rendered twice: as plain text and as simple, accessible
 * HTML (every value escaped). Paragraphs, bulleted lists and labelled links.
 */
final class MessageText {

    private sealed interface Part permits Paragraph, Bullets, Link {
    }

    private record Paragraph(String text) implements Part {
    }

    private record Bullets(List<String> items) implements Part {
    }

    private record Link(String label, String href) implements Part {
    }

    private final String greeting;
    private final String signature;
    private final List<Part> parts = new ArrayList<>();

    MessageText(String greeting, String signature) {
        this.greeting = greeting;
        this.signature = signature;
    }

    MessageText paragraph(String text) {
        parts.add(new Paragraph(text));
        return this;
    }

    MessageText bullets(List<String> items) {
        if (!items.isEmpty()) {
            parts.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    MessageText link(String label, String href) {
        parts.add(new Link(label, href));
        return this;
    }

    String text() {
        StringBuilder out = new StringBuilder(greeting).append("\n\n");
        for (Part p : parts) {
            if (p instanceof Paragraph para) {
                out.append(para.text()).append("\n\n");
            } else if (p instanceof Bullets b) {
                b.items().forEach(i -> out.append("- ").append(i).append('\n'));
                out.append('\n');
            } else if (p instanceof Link l) {
                out.append(l.label()).append(": ").append(l.href()).append("\n\n");
            }
        }
        return out.append(signature).toString();
    }

    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933\">");
        out.append("<p>").append(e(greeting)).append("</p>");
        for (Part p : parts) {
            if (p instanceof Paragraph para) {
                out.append("<p>").append(e(para.text())).append("</p>");
            } else if (p instanceof Bullets b) {
                out.append("<ul>");
                b.items().forEach(i -> out.append("<li>").append(e(i)).append("</li>"));
                out.append("</ul>");
            } else if (p instanceof Link l) {
                out.append("<p><a href=\"").append(e(l.href()))
                        .append("\" style=\"color:#0b5d6b;font-weight:bold\">").append(e(l.label())).append("</a></p>");
            }
        }
        return out.append("<p>").append(e(signature)).append("</p></body></html>").toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
