package com.clearskin.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * PDFs from XHTML templates: one folder of {@code .xhtml} templates on the class path, filled by
 * Thymeleaf in XML mode (so a name like {@code <script>} prints as text) and laid out by
 * openhtmltopdf. The consent form, the session record and the client's data download all print
 * through here.
 */
public final class PdfTemplates {

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    /** The templates under {@code folder} (such as {@code templates/consent/pdf/}). */
    public PdfTemplates(String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder.endsWith("/") ? folder : folder + "/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** The template {@code name} filled with {@code variables}, as a PDF. */
    public byte[] render(String name, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(variables);
        return pdf(templates.process(name, context));
    }

    /** An XHTML document as a PDF. */
    public static byte[] pdf(String xhtml) {
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
