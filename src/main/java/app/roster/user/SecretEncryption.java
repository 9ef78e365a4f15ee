package app.roster.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets that cannot be hashed (TOTP keys) with AES-256-GCM (Spring Security's
 * {@code Encryptors.delux}), under a key from {@code ROSTER_ENCRYPTION_KEY}. Without one, a key is
 * generated once into the data folder: fine for one machine, wrong for several nodes (they must share it).
 */
@Component
public class SecretEncryption {

    private static final Logger log = LoggerFactory.getLogger(SecretEncryption.class);
    /** Per-installation secrecy comes from the key; every value also gets its own random IV. */
    private static final String SALT = "526f737465722d3235";

    private final TextEncryptor encryptor;

    SecretEncryption(@Value("${roster.encryption-key:}") String configuredKey,
            @Value("${roster.encryption-key-file:./data/encryption.key}") Path keyFile) {
        String key = configuredKey.isBlank() ? keyFromFile(keyFile) : configuredKey;
        this.encryptor = Encryptors.delux(key, SALT);
    }

    public String encrypt(String plain) {
        return plain == null ? null : encryptor.encrypt(plain);
    }

    public String decrypt(String stored) {
        return stored == null ? null : encryptor.decrypt(stored);
    }

    private static String keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            log.warn("ROSTER_ENCRYPTION_KEY is not set: generated a key in {}. Set the same "
                    + "ROSTER_ENCRYPTION_KEY on every node in production.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + file, e);
        }
    }
}
