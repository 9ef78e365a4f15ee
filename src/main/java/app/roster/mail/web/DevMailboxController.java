package app.roster.mail.web;

import app.roster.mail.MessageId;
import app.roster.mail.Outbox;
import app.roster.mail.OutboxMessage;
import app.roster.mail.SmtpConfigured;
import app.roster.shared.ClientIp;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every email the application "sent" without an SMTP server, readable in the browser. When SMTP is configured
 * these paths answer 404 (asked per request, not as a bean condition, which build-time AOT processing would fix
 * with the build's settings); without SMTP it answers only requests from this machine.
 */
@Controller
@RequestMapping("/dev/mailbox")
class DevMailboxController {

    private static final int PAGE_SIZE = 20;

    private final Outbox outbox;
    private final Environment environment;

    DevMailboxController(Outbox outbox, Environment environment) {
        this.outbox = outbox;
        this.environment = environment;
    }

    /**
     * The mailbox holds live links (password resets included): it answers only to the machine Roster runs
     * on, so a production server that merely forgot its SMTP settings does not publish them.
     */
    @ModelAttribute
    void onlyFromThisMachine() {
        boolean local = ClientIp.current().map(ip -> isLoopback(ip.value())).orElse(false);
        if (!local || SmtpConfigured.in(environment)) {
            throw new NotFound(); // the same page as any missing one: nothing says a mailbox exists
        }
    }

    private static boolean isLoopback(String ip) {
        return ip.equals("127.0.0.1") || ip.startsWith("127.") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1");
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page.Request wanted = Page.Request.fromZero(page, PAGE_SIZE);
        model.addAttribute("messages", wanted.probed(outbox.newestFirst(PAGE_SIZE + 1, wanted.offset())));
        return "dev/mailbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable MessageId id, Model model) {
        OutboxMessage message = outbox.find(id.value()).orElseThrow(NotFound::new);
        model.addAttribute("message", message);
        if (!message.redacted()) {
            model.addAttribute("text", LinkedText.of(message.textBody()));
            // Links open in a new tab: our own pages refuse to be framed (frame-ancestors 'none').
            model.addAttribute("htmlDocument", "<base target=\"_blank\">" + message.htmlBody());
        }
        return "dev/mailbox-message";
    }
}
