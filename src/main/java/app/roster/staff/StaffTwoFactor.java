package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import app.roster.user.SecretEncryption;
import app.roster.user.TwoFactor;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP for staff, as the Client Area's (same codes, same key encryption), on the staff table. Each code is
 * accepted once: the last accepted time step is kept, and an older or equal one is refused. Staff get no
 * recovery codes: an Administrator resets a lost authenticator instead.
 */
@Service
public class StaffTwoFactor {

    private final StaffMembers staff;
    private final TwoFactor codes;
    private final SecretEncryption encryption;
    private final AdminSettings settings;
    private final ApplicationEventPublisher events;

    StaffTwoFactor(StaffMembers staff, TwoFactor codes, SecretEncryption encryption, AdminSettings settings,
            ApplicationEventPublisher events) {
        this.staff = staff;
        this.codes = codes;
        this.encryption = encryption;
        this.settings = settings;
        this.events = events;
    }

    public boolean required() {
        return settings.requireTwoFactor();
    }

    public boolean enrolled(long staffId) {
        return staff.totpSecretOf(staffId).isPresent();
    }

    public String newSecret() {
        return codes.newSecret();
    }

    public String qrCodeDataUri(String secret, String email) {
        return codes.qrCodeDataUri(secret, email);
    }

    /** Turns two-factor on once a code from the app proves it works; that code counts as used. */
    @Transactional
    public boolean enrol(long staffId, String secret, String code) {
        OptionalLong step = codes.acceptedStep(secret, code);
        if (step.isEmpty()) {
            return false;
        }
        staff.updateTotp(staffId, encryption.encrypt(secret), step.getAsLong());
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.TWO_FACTOR_ENABLED, staffId, null));
        return true;
    }

    /** A code at login: right for this moment and not used before. */
    @Transactional
    public boolean verify(long staffId, String code) {
        String secret = staff.totpSecretOf(staffId).map(encryption::decrypt).orElse(null);
        OptionalLong step = codes.acceptedStep(secret, code);
        return step.isPresent() && staff.acceptStep(staffId, step.getAsLong());
    }

    /** A staff member's own "turn off": only while the setting does not require two-factor. */
    @Transactional
    public boolean turnOff(long staffId) {
        if (required() || !enrolled(staffId)) {
            return false;
        }
        staff.updateTotp(staffId, null, null);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.TWO_FACTOR_DISABLED, staffId, null));
        return true;
    }

    /** An Administrator's reset: the key is gone, the staff member enrols again (at once, if it is required). */
    @Transactional
    public void reset(Actor actor, long staffId) {
        StaffOnly.requireStaffAdministrator(actor);
        staff.findById(staffId).orElseThrow(NotFound::new);
        staff.updateTotp(staffId, null, null);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.TWO_FACTOR_RESET, staffId, actor));
    }
}
