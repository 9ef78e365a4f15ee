package app.roster.user;

import app.roster.shared.AuditedEvent;
import app.roster.shared.OneTimeToken;
import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TOTP two-factor authentication (RFC 6238) with single-use recovery codes, stored hashed. */
@Service
public class TwoFactor {

    /** Two-factor was turned on or off. */
    public record TwoFactorChanged(long userId, boolean enabled) implements AuditedEvent {

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public String action() {
            return enabled ? "user.two_factor_enabled" : "user.two_factor_disabled";
        }
    }

    /** A recovery code was spent at login. */
    record RecoveryCodeUsed(long userId) implements AuditedEvent {

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public String action() {
            return "user.recovery_code_used";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    private final Users users;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String issuer;
    private final CodeVerifier verifier;

    TwoFactor(Users users, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${roster.product-name:Roster}") String issuer) {
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.issuer = issuer;
        TimeProvider time = () -> clock.instant().getEpochSecond();
        DefaultCodeVerifier codeVerifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), time);
        codeVerifier.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codeVerifier;
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

    public boolean isValidCode(String secret, String code) {
        return secret != null && code != null && code.strip().matches("\\d{6}") && verifier.isValidCode(secret, code.strip());
    }

    /** Turns two-factor on once the user proved the app works; answers the recovery codes to show once. */
    @Transactional
    public List<String> enable(long userId, String secret) {
        users.updateTotpSecret(userId, secret);
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(10));
        for (String code : codes) {
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)")
                    .params(userId, OneTimeToken.hashOf(normalise(code))).update();
        }
        events.publishEvent(new TwoFactorChanged(userId, true));
        return codes;
    }

    @Transactional
    public void disable(long userId) {
        users.updateTotpSecret(userId, null);
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        events.publishEvent(new TwoFactorChanged(userId, false));
    }

    /** A code from the app, or an unused recovery code (which is then spent). */
    @Transactional
    public boolean verifyAtLogin(long userId, String code) {
        User user = users.findById(userId).orElseThrow();
        if (isValidCode(user.totpSecret(), code)) {
            return true;
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
