package app.roster.admin;

import app.roster.shared.EmailAddress;
import java.time.Clock;
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
 * console. A restart issues a fresh link, so an expired one never locks the operator out.
 */
@Component
class SetUpFirstStaff implements ApplicationRunner {

    /** Not a deliverable address, on purpose: it only names the console-link staff member. */
    static final String DEFAULT_EMAIL = "admin@localhost";

    private static final Logger log = LoggerFactory.getLogger(SetUpFirstStaff.class);

    private final StaffMembers staff;
    private final IssueStaffSetupLink setupLinks;
    private final AdminSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SetUpFirstStaff(StaffMembers staff, IssueStaffSetupLink setupLinks, AdminSettings settings,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.staff = staff;
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
        staffId.ifPresent(id -> {
            IssueStaffSetupLink.SetupLink link = setupLinks.issue(id, configuredEmail.isPresent());
            if (configuredEmail.isEmpty()) {
                printBanner(link);
            } else {
                log.info("Sent a set-password link to the first staff member ({}).", configuredEmail.get().masked());
            }
        });
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
    private static void printBanner(IssueStaffSetupLink.SetupLink link) {
        String line = "=".repeat(78);
        log.warn("""

                {}
                  FIRST STAFF LOGIN: no staff member can log in yet and ROSTER_ADMIN_EMAIL is not set.
                  Open this one-time link to set the password of {} (valid until {}):

                  {}

                  Then log in at /admin/login. Set ROSTER_ADMIN_EMAIL to receive the link by email instead.
                {}""", line, DEFAULT_EMAIL, link.expiresAt(), link.url(), line);
    }
}
