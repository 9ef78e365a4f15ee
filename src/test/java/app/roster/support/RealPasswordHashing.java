package app.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The marked test (or every test of the marked class) hashes with the production encoder rather than
 * {@link TestPasswordEncoder}'s cheap one: for the tests of the hashing parameters and of login cost. It
 * switches the shared context's encoder for the test only, so it starts no application of its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealPasswordHashing.Switch.class)
public @interface RealPasswordHashing {

    final class Switch implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            encoder(context).useReal(true);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            encoder(context).useReal(false);
        }

        private static TestPasswordEncoder encoder(ExtensionContext context) {
            PasswordEncoder encoder = SpringExtension.getApplicationContext(context).getBean(PasswordEncoder.class);
            if (!(encoder instanceof TestPasswordEncoder testEncoder)) {
                throw new IllegalStateException("@RealPasswordHashing needs TestInfrastructure's encoder, found "
                        + encoder.getClass().getName());
            }
            return testEncoder;
        }
    }
}
