package app.roster.staff;

import app.roster.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * There is no default staff password anywhere. On startup, while nobody on the staff can log in, the
 * first staff member gets a set-password link: by email when ROSTER_ADMIN_EMAIL is set, else on the
 * console. A restart issues a fresh link, so an expired one never locks the operator out; nodes starting
 * together issue one link between them.
 */
@Component
class SetUpFirstStaff implements ApplicationRunner {

    /** Not a deliverable address, on purpose: it only names the console-link staff member. */
    static final String DEFAULT_EMAIL = "admin@localhost";

    /**
     * How far apart the nodes of one deployment may start. Longer would make an operator who restarts at once
     * (to get a fresh link) wait; shorter would let a slow node revoke the link a fast one printed.
     */
    static final Duration STARTING_TOGETHER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(SetUpFirstStaff.class);

    private final StaffMembers staff;
    private final StaffTokens tokens;
    private final IssueStaffSetupLink setupLinks;
    private final AdminSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SetUpFirstStaff(StaffMembers staff, StaffTokens tokens, IssueStaffSetupLink setupLinks, AdminSettings settings,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.staff = staff;
        this.tokens = tokens;
        this.setupLinks = setupLinks;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        run(settings.firstStaffEmail());
    }

    void run(Optional<EmailAddress> configuredEmail) {
        Optional<Long> staffId = createIfNone(configuredEmail).or(staff::firstWithoutAnyPassword);
        staffId.ifPresent(id -> issueOnce(id, configuredEmail));
    }

    /**
     * Nodes that start together take turns on the staff row, and a node that finds a link issued moments ago
     * leaves it alone: a new link would revoke the one just printed or mailed, and of several printed links
     * only the last would work.
     */
    private void issueOnce(long staffId, Optional<EmailAddress> configuredEmail) {
        FirstLink outcome = transaction.execute(status -> {
            if (!staff.lockForUpdate(staffId)) {
                return null;
            }
            Optional<Instant> recent = tokens.usableIssuedSince(staffId, clock.instant().minus(STARTING_TOGETHER));
            return recent.map(FirstLink::issuedElsewhere)
                    .orElseGet(() -> FirstLink.issued(setupLinks.issue(staffId, configuredEmail.isPresent())));
        });
        if (outcome == null) {
            return;
        }
        if (outcome.link() == null) {
            reportIssuedElsewhere(outcome.issuedAt(), configuredEmail);
        } else if (configuredEmail.isEmpty()) {
            printBanner(outcome.link(), clock.instant());
        } else {
            log.info("Sent a set-password link to the first staff member ({}).", configuredEmail.get().masked());
        }
    }

    private static void reportIssuedElsewhere(Instant issuedAt, Optional<EmailAddress> configuredEmail) {
        Instant fresh = issuedAt.plus(STARTING_TOGETHER);
        if (configuredEmail.isPresent()) {
            log.info("FIRST STAFF LOGIN: the set-password link was sent to {} at {} by another node (or by a start "
                    + "less than {} minutes before); a start after {} sends a fresh one.",
                    configuredEmail.get().masked(), issuedAt, STARTING_TOGETHER.toMinutes(), fresh);
        } else {
            log.warn("FIRST STAFF LOGIN: the set-password link for {} was printed at {} by another node (or by a "
                    + "start less than {} minutes before): use the link in that log. A start after {} prints a "
                    + "fresh one.", DEFAULT_EMAIL, issuedAt, STARTING_TOGETHER.toMinutes(), fresh);
        }
    }

    /** Either this node issued the link, or another one did at {@code issuedAt}. */
    private record FirstLink(IssueStaffSetupLink.SetupLink link, Instant issuedAt) {

        static FirstLink issued(IssueStaffSetupLink.SetupLink link) {
            return new FirstLink(link, null);
        }

        static FirstLink issuedElsewhere(Instant issuedAt) {
            return new FirstLink(null, issuedAt);
        }
    }

    private Optional<Long> createIfNone(Optional<EmailAddress> configuredEmail) {
        String email = configuredEmail.map(EmailAddress::value).orElse(DEFAULT_EMAIL);
        try {
            return Optional.ofNullable(transaction.execute(status -> {
                if (!staff.isEmpty()) {
                    return null;
                }
                long id = staff.insert(email, "Administrator", StaffRole.ADMINISTRATOR, clock.instant());
                events.publishEvent(new StaffEvents.StaffCreated(id, email, StaffRole.ADMINISTRATOR));
                return id;
            }));
        } catch (DuplicateKeyException e) {
            // Another node started at the same moment and created it.
            return Optional.empty();
        }
    }

    /** The one place a token is ever written to a log, on purpose: no email is configured to carry it. */
    private static void printBanner(IssueStaffSetupLink.SetupLink link, Instant now) {
        String line = "=".repeat(78);
        log.warn("""

                {}
                  FIRST STAFF LOGIN: no staff member can log in yet and ROSTER_ADMIN_EMAIL is not set.
                  Open this one-time link to set the password of {} ({}, until {}):

                  {}

                  Then log in at /admin/login. Set ROSTER_ADMIN_EMAIL to receive the link by email instead.
                {}""", line, DEFAULT_EMAIL, validFor(Duration.between(now, link.expiresAt())),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(link.expiresAt()),
                link.url(), line);
    }

    /** "valid for 24 hours": the banner is read by a person at a console, in the server's one language. */
    private static String validFor(Duration lifetime) {
        long minutes = Math.round(lifetime.toSeconds() / 60.0);
        if (minutes >= 60 && minutes % 60 == 0) {
            long hours = minutes / 60;
            return "valid for " + hours + (hours == 1 ? " hour" : " hours");
        }
        return "valid for " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
