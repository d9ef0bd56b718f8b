package com.clearskin.portal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The client's data as a readable PDF: an XHTML template (escaped by Thymeleaf in XML mode, so a
 * name like {@code <script>} prints as text) laid out by openhtmltopdf.
 */
@Service
public class ClientDataPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    ClientDataPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/portal/pdf/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** Answers as lines a person reads: nested answers flattened, lists joined, an unknown said so. */
    static Map<String, String> readable(Map<String, Object> answers) {
        Map<String, String> lines = new LinkedHashMap<>();
        flatten("", answers, lines);
        return lines;
    }

    private static void flatten(String prefix, Map<String, Object> answers, Map<String, String> lines) {
        answers.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + " · " + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                flatten(name, inner, lines);
            } else if (value instanceof Collection<?> list) {
                lines.put(name, list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            } else if (value == null) {
                lines.put(name, "not known");
            } else if (value instanceof Boolean yes) {
                lines.put(name, yes ? "yes" : "no");
            } else {
                lines.put(name, value.toString());
            }
        });
    }

    public byte[] render(ClientData data) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("data", data);
        Map<UUID, Map<String, String>> answers = new HashMap<>();
        data.assessments().forEach(a -> answers.put(a.id(), readable(a.answers())));
        context.setVariable("answers", answers);
        context.setVariable("exportedAt", ZonedDateTime.ofInstant(data.exportedAt(), ZoneId.of(data.timeZone()))
                .format(WHEN) + " (" + data.timeZone() + ")");
        String xhtml = templates.process("client-data", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
