package app.roster.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Sends through the configured SMTP server as multipart/alternative: plain text first, HTML preferred. A
 * round keeps one SMTP connection for all its messages: connecting (TLS and login included) costs far more
 * than a message, and a burst would otherwise go at the pace of handshakes.
 */
class SmtpDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpDelivery(JavaMailSenderImpl sender, MailSettings settings) {
        this.sender = sender;
        this.from = settings.from();
    }

    @Override
    public void deliver(OutboxMessage message) {
        try (Connection connection = open()) {
            connection.deliver(message);
        }
    }

    @Override
    public Connection open() {
        return new SmtpConnection();
    }

    /** Connects on the first message, and again when the server hung up between two. */
    private final class SmtpConnection implements Connection {

        private Transport transport;

        @Override
        public void deliver(OutboxMessage message) {
            MimeMessage mime = compose(message);
            connectIfNeeded();
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                throw new MailSendException("The mail server did not accept message " + message.id(), e);
            }
        }

        @Override
        public void connect() {
            connectIfNeeded();
        }

        private void connectIfNeeded() {
            if (transport != null && transport.isConnected()) {
                return;
            }
            close();
            try {
                Transport fresh = sender.getSession().getTransport(protocol());
                String user = StringUtils.hasLength(sender.getUsername()) ? sender.getUsername() : null;
                fresh.connect(sender.getHost(), sender.getPort(), user, user == null ? null : sender.getPassword());
                transport = fresh;
            } catch (MessagingException e) {
                throw new ServerUnavailable(e);
            }
        }

        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed: {}", e.toString());
            }
            transport = null;
        }
    }

    private String protocol() {
        return sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    }

    private MimeMessage compose(OutboxMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
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
            mime.setSentDate(new Date());
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }
}
