package app.roster.account;

import app.roster.account.AccountStatus;
import java.time.OffsetDateTime;

/**
 * A client account as staff see it, owner's last-login IP and hostname included. Its users are not part of it:
 * an account may have thousands, and only the Users tab shows them, a page at a time (membership's
 * {@code ClientUsers}).
 */
public record ClientDetails(long id, String name, String companyName, Address address, String phone, String taxId,
        String status, OffsetDateTime createdAt, Owner owner) {

    public boolean active() {
        return AccountStatus.ACTIVE.name().equals(status);
    }

    ClientDetails withOwner(Owner owner) {
        return new ClientDetails(id, name, companyName, address, phone, taxId, status, createdAt, owner);
    }

    public record Address(String line1, String line2, String city, String region, String postcode, String country) {
    }

    public record Owner(long id, String name, String email, OffsetDateTime lastLoginAt, String lastLoginIp,
            String lastLoginHost) {
    }
}
