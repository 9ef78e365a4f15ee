package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import app.roster.shared.OneTimeToken;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TOTP two-factor authentication (RFC 6238) with single-use recovery codes, stored hashed. */
@Service
public class TwoFactor {

    /** Two-factor was turned on or off. */
    public record TwoFactorChanged(long userId, boolean enabled, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser(enabled ? "user.two_factor_enabled" : "user.two_factor_disabled", userId).by(actor);
        }
    }

    /** A recovery code was spent at login. */
    record RecoveryCodeUsed(long userId) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("user.recovery_code_used", userId);
        }
    }

    private static final int PERIOD_SECONDS = 30;

    private final Users users;
    private final JdbcClient jdbc;
    private final SecretEncryption encryption;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String issuer;
    private final CodeGenerator codes = new DefaultCodeGenerator();

    TwoFactor(Users users, JdbcClient jdbc, SecretEncryption encryption, ApplicationEventPublisher events,
            Clock clock, @Value("${roster.product-name:Roster}") String issuer) {
        this.users = users;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.events = events;
        this.clock = clock;
        this.issuer = issuer;
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The QR code an authenticator app scans, as a data: URI (allowed by the CSP for images). */
    public String qrCodeDataUri(String secret, String accountLabel) {
        QrData data = new QrData.Builder().label(accountLabel).secret(secret).issuer(issuer)
                .digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(240);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(generator.generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    /** Whether the code belongs to the current 30-second step or one step either side (clock drift). */
    public boolean isValidCode(String secret, String code) {
        return matchingStep(secret, code) != null;
    }

    /**
     * The 30-second time step the code belongs to (current or one either side), for callers that keep their
     * own "last accepted step" to refuse a replayed code, such as the staff's two-factor.
     */
    public OptionalLong acceptedStep(String secret, String code) {
        Long step = matchingStep(secret, code);
        return step == null ? OptionalLong.empty() : OptionalLong.of(step);
    }

    private Long matchingStep(String secret, String code) {
        if (secret == null || code == null || !code.strip().matches("\\d{6}")) {
            return null;
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("TOTP generation failed", e);
            }
        }
        return null;
    }

    /** Turns two-factor on once the user proved the app works; answers the recovery codes to show once. */
    @Transactional
    public List<String> enable(long userId, String secret) {
        users.updateTotpSecret(userId, encryption.encrypt(secret));
        // The code typed to enrol counts as used.
        jdbc.sql("UPDATE users SET totp_last_step = ? WHERE id = ?")
                .params(clock.instant().getEpochSecond() / PERIOD_SECONDS, userId).update();
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        List<String> recoveryCodes = List.of(new RecoveryCodeGenerator().generateCodes(10));
        for (String code : recoveryCodes) {
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)")
                    .params(userId, OneTimeToken.hashOf(normalise(code))).update();
        }
        events.publishEvent(new TwoFactorChanged(userId, true, null));
        return recoveryCodes;
    }

    /** The user's own "turn off", or an Administrator's (staff never turn it on). */
    @Transactional
    public void disable(Actor actor, long userId) {
        OwnAccess.requireSelfOrAdministrator(actor, userId);
        users.findById(userId).orElseThrow(NotFound::new);
        users.updateTotpSecret(userId, null);
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        events.publishEvent(new TwoFactorChanged(userId, false, actor));
    }

    /**
     * A code from the app, accepted once (a step already used is refused, so an observed code cannot be
     * replayed), or an unused recovery code (which is then spent).
     */
    @Transactional
    public boolean verifyAtLogin(long userId, String code) {
        User user = users.findById(userId).orElseThrow();
        Long step = matchingStep(encryption.decrypt(user.totpSecret()), code);
        if (step != null) {
            return jdbc.sql("UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")
                    .params(step, userId, step).update() == 1;
        }
        if (code == null || code.isBlank()) {
            return false;
        }
        int spent = jdbc.sql("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(clock.instant()), userId, OneTimeToken.hashOf(normalise(code))).update();
        if (spent == 1) {
            events.publishEvent(new RecoveryCodeUsed(userId));
        }
        return spent == 1;
    }

    public int remainingRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL")
                .param(userId).query(Integer.class).single();
    }

    private static String normalise(String code) {
        return code.strip().replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
