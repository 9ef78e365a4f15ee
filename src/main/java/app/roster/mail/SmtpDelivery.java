package app.roster.mail;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Conditional;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends through the configured SMTP server as multipart/alternative: plain text first, HTML preferred. */
@Component
@Conditional(SmtpConfigured.class)
class SmtpDelivery implements Delivery {

    private final JavaMailSender sender;
    private final String from;

    SmtpDelivery(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.from = settings.from();
    }

    @Override
    public void deliver(OutboxMessage message) {
        try {
            send(message);
        } catch (MailAuthenticationException e) {
            throw new ServerUnavailable(e);
        } catch (MailSendException e) {
            // Spring gives a cause only when connecting (or closing) failed, not when the server refused the message.
            if (e.getCause() != null) {
                throw new ServerUnavailable(e);
            }
            throw e;
        }
    }

    private void send(OutboxMessage message) {
        sender.send(mime -> {
            String utf8 = StandardCharsets.UTF_8.name();
            mime.setFrom(new InternetAddress(from, true));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
            mime.setSubject(message.subject(), utf8);
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), utf8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), utf8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        });
    }
}
