package app.roster.admin;

import app.roster.support.Secrets;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;

/** What an authenticator app shows: the code of a 30-second time step, from the secret the page showed. */
final class TotpCodes {

    private TotpCodes() {
    }

    static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(Secrets.record("TOTP secret", secret), step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A six-digit code that is not the right one for any step near now. */
    static String wrong(String secret) {
        long step = currentStep();
        for (int candidate = 0; ; candidate++) {
            String code = "%06d".formatted(candidate);
            if (!code.equals(code(secret, step - 1)) && !code.equals(code(secret, step))
                    && !code.equals(code(secret, step + 1)) && !code.equals(code(secret, step + 2))) {
                return code;
            }
        }
    }
}
