package app.roster.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server the tests' Roster sends to (GreenMail on a free port of 127.0.0.1), with the
 * questions tests ask of it: what did this address receive, and which link is in it.
 */
public final class Mailbox {

    private static Mailbox shared;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final GreenMail greenMail;

    private Mailbox(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static synchronized Mailbox shared() {
        if (shared == null) {
            shared = new Mailbox(freePort());
        }
        return shared;
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message delivered to the address so far, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    /** Every message received so far, in the order of arrival. */
    public MimeMessage[] all() {
        return greenMail.getReceivedMessages();
    }

    /** The message's first To address, as written. */
    public static String firstRecipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the n-th (1-based) message to the address and returns it. */
    public MimeMessage awaitMessage(String address, int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(address).size() >= n);
        return messagesTo(address).get(n - 1);
    }

    /** Waits for a message to the address whose subject contains the text, and returns the newest such. */
    public MimeMessage awaitSubject(String address, String subjectPart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> newestWithSubject(address, subjectPart) != null);
        return newestWithSubject(address, subjectPart);
    }

    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the message whose URL contains the fragment (e.g. "/verify-email"). */
    public static String link(MimeMessage message, String fragment) {
        String body = decoded(message);
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            String url = matcher.group().replace("&amp;", "&");
            if (url.contains(fragment)) {
                return Secrets.recordLink(url);
            }
        }
        throw new AssertionError("No link containing " + fragment + " in: " + body);
    }

    /** Records the tokens of every link in every message received so far (for {@link SuiteLogCheck}). */
    static synchronized void recordEveryLink() {
        if (shared == null) {
            return;
        }
        for (MimeMessage message : shared.greenMail.getReceivedMessages()) {
            Matcher matcher = LINK.matcher(decoded(message));
            while (matcher.find()) {
                Secrets.recordLink(matcher.group().replace("&amp;", "&"));
            }
        }
    }

    private MimeMessage newestWithSubject(String address, String subjectPart) {
        List<MimeMessage> matching = messagesTo(address).stream()
                .filter(m -> subject(m).contains(subjectPart)).toList();
        return matching.isEmpty() ? null : matching.getLast();
    }

    private static String decoded(MimeMessage message) {
        // Quoted-printable soft line breaks would cut links in two.
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
