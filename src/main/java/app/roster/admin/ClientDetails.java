package app.roster.admin;

import java.time.OffsetDateTime;
import java.util.List;

/** A client account as staff see it, owner's last-login IP and hostname included. */
public record ClientDetails(long id, String name, String companyName, Address address, String phone, String taxId,
        String status, OffsetDateTime createdAt, Owner owner, List<ClientUser> users) {

    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    ClientDetails withUsers(List<ClientUser> users) {
        return new ClientDetails(id, name, companyName, address, phone, taxId, status, createdAt, owner, users);
    }

    public record Address(String line1, String line2, String city, String region, String postcode, String country) {
    }

    public record Owner(long id, String name, String email, OffsetDateTime lastLoginAt, String lastLoginIp,
            String lastLoginHost) {
    }
}
