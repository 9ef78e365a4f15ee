package app.roster.admin.web;

import app.roster.mail.EmailLog;
import app.roster.mail.LoggedEmail;
import app.roster.admin.RetryEmail;
import app.roster.shared.Actor;
import app.roster.mail.MessageId;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email log: every outbox message, newest first, and one message with its text body, in which every
 * one-time link's token is masked: staff must never be able to use a user's reset or invitation link.
 * Retry (Administrators) queues a FAILED message again.
 */
@Controller
class EmailLogController {

    static final int PAGE_SIZE = 25;
    private static final int MAX_QUERY = 254;
    private static final Pattern TOKEN = Pattern.compile("(?i)(token=)[^\\s&\"'<>#]+");

    private final EmailLog emails;
    private final RetryEmail retryEmail;

    EmailLogController(EmailLog emails, RetryEmail retryEmail) {
        this.emails = emails;
        this.retryEmail = retryEmail;
    }

    @GetMapping("/admin/emails")
    String log(@RequestParam(required = false) String state, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String page, Model model) {
        String prefix = recipient == null ? "" : recipient.strip();
        prefix = prefix.length() > MAX_QUERY ? prefix.substring(0, MAX_QUERY) : prefix;
        LoggedEmail.State wanted = null;
        if (state != null && !state.isBlank()) {
            String name = state.strip().toUpperCase(Locale.ROOT);
            wanted = Arrays.stream(LoggedEmail.State.values()).filter(s -> s.name().equals(name)).findFirst()
                    .orElse(null);
            if (wanted == null) {
                model.addAttribute("stateError", "admin.emails.error.state");
            }
        }
        long total = emails.count(wanted, prefix);
        Page.Request request = Page.Request.fromOne(Pages.number(page), PAGE_SIZE).within(total);
        model.addAttribute("messages", request.of(emails.search(wanted, prefix, PAGE_SIZE, request.offset()), total));
        model.addAttribute("state", wanted == null ? "" : wanted.name());
        model.addAttribute("recipient", prefix);
        model.addAttribute("states", LoggedEmail.State.values());
        return "admin/emails";
    }

    @GetMapping("/admin/emails/{id}")
    String message(@PathVariable MessageId id, Model model) {
        LoggedEmail message = emails.find(id.value()).orElseThrow(NotFound::new);
        model.addAttribute("message", message);
        model.addAttribute("body", message.textBody() == null ? null : masked(message.textBody()));
        model.addAttribute("retentionDays", emails.overview().bodyRetention().toDays());
        return "admin/email";
    }

    @PostMapping("/admin/emails/{id}/retry")
    String retry(@PathVariable MessageId id, Actor.Staff actor, RedirectAttributes redirect) {
        long messageId = id.value();
        boolean queued = retryEmail.retry(actor, messageId);
        redirect.addFlashAttribute(queued ? "notice" : "problem",
                queued ? "admin.emails.retried" : "admin.emails.notFailed");
        return "redirect:/admin/emails/" + messageId;
    }

    /** Every {@code token=…} value replaced, so no link in the page works. */
    static String masked(String body) {
        return TOKEN.matcher(body).replaceAll("$1…");
    }
}
