package app.roster.mail;

import app.roster.shared.BaseUrl;
import app.roster.shared.Brand;
import app.roster.shared.Language;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from {@code templates/mail/NAME.html} and {@code NAME.txt} in the recipient's language,
 * with the subject from the bundle key {@code mail.NAME.subject} (NAME in camelCase there, e.g.
 * {@code verify-email} → {@code mail.verifyEmail.subject}). Every template also gets {@code productName} and
 * {@code brand}, the host's brand with every address absolute.
 * The subject's {@code {0}} is the product name; further subject arguments are {@code {1}}, {@code {2}}, …
 */
@Component
public class MailComposer {

    private final SpringTemplateEngine engine;
    private final MessageSource messages;
    private final String productName;
    private final Brand brand;

    MailComposer(MessageSource messages, @Value("${roster.product-name:Roster}") String productName, Brand brand,
            BaseUrl baseUrl) {
        this.messages = messages;
        this.productName = productName;
        this.brand = brand.absolute(baseUrl);
        this.engine = engine(messages);
    }

    public OutgoingMail compose(String template, String recipient, Locale language, Map<String, ?> variables,
            Object... subjectArguments) {
        Locale locale = Language.closest(language).locale();
        Map<String, Object> all = new HashMap<>(variables);
        all.put("productName", productName);
        all.put("brand", brand);
        Context context = new Context(locale, all);
        Object[] arguments = new Object[subjectArguments.length + 1];
        arguments[0] = productName;
        System.arraycopy(subjectArguments, 0, arguments, 1, subjectArguments.length);
        String subject = messages.getMessage(subjectKey(template), arguments, locale);
        return new OutgoingMail(recipient, subject, engine.process(template + ".txt", context),
                engine.process(template + ".html", context));
    }

    /** A moment as the recipient reads it. Users have no time zone yet, so it is shown in UTC, labelled. */
    public static String dateTime(Instant instant, Locale language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Language.closest(language).locale())
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    static String subjectKey(String template) {
        StringBuilder key = new StringBuilder("mail.");
        boolean upper = false;
        for (char c : template.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.append(".subject").toString();
    }

    /**
     * A private engine, not a bean: Boot's web engine backs off when another engine bean exists, and it
     * would also pick up any template resolver bean.
     */
    private static SpringTemplateEngine engine(MessageSource messages) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
