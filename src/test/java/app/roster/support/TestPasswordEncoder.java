package app.roster.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder in tests: the same Argon2id, with the smallest cost (m = 64 KiB, t = 1)
 * instead of production's 19 MiB and two passes, which made hashing most of the suite's time. A test about
 * the hashing itself marks itself {@link RealPasswordHashing} and gets the production encoder back. Checking a
 * password reads the cost from the stored hash, so either kind of hash verifies in any mode.
 */
public final class TestPasswordEncoder implements PasswordEncoder {

    private static final PasswordEncoder CHEAP = new Argon2PasswordEncoder(16, 32, 1, 64, 1);

    private final PasswordEncoder real;
    private volatile boolean useReal;

    private TestPasswordEncoder(PasswordEncoder real) {
        this.real = real;
    }

    /** Registered by {@link TestInfrastructure}: wraps the application's encoder wherever it is defined. */
    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordEncoder encoder && !(bean instanceof TestPasswordEncoder)
                        ? new TestPasswordEncoder(encoder) : bean;
            }
        };
    }

    void useReal(boolean useReal) {
        this.useReal = useReal;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return current().encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return current().matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return current().upgradeEncoding(encodedPassword);
    }

    private PasswordEncoder current() {
        return useReal ? real : CHEAP;
    }
}
