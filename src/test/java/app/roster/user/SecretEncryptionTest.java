package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEncryptionTest {

    @TempDir
    Path folder;

    @Test
    void encryptsWithARandomIvAndDecryptsBack() {
        SecretEncryption encryption = new SecretEncryption("a-key-from-the-environment", folder.resolve("unused"));
        String stored = encryption.encrypt("JBSWY3DPEHPK3PXP");

        assertThat(stored).doesNotContain("JBSWY3DPEHPK3PXP").isNotEqualTo(encryption.encrypt("JBSWY3DPEHPK3PXP"));
        assertThat(encryption.decrypt(stored)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(Files.exists(folder.resolve("unused"))).isFalse();
    }

    @Test
    void withoutAConfiguredKeyGeneratesOneOnceAndKeepsUsingIt() {
        Path keyFile = folder.resolve("data/encryption.key");
        String stored = new SecretEncryption("", keyFile).encrypt("secret");

        assertThat(keyFile).exists();
        assertThat(new SecretEncryption("", keyFile).decrypt(stored)).isEqualTo("secret");
    }
}
