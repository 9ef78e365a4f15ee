package app.roster.support;

import app.roster.support.Registrations.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant wall's usual cast: an account with its owner and a member, and a stranger who owns another account.
 * Made through the real registration; the member joins by a row of their own. A bean of every {@link IntegrationTest}.
 */
public final class Tenants {

    /** Olga's account with Max in it, and Else, who owns the account next door. */
    public record Tenant(Person owner, long account, Person member, Person stranger, long strangersAccount) {
    }

    private final Registrations registrations;
    private final Rows rows;

    Tenants(Registrations registrations, JdbcClient jdbc) {
        this.registrations = registrations;
        this.rows = new Rows(jdbc);
    }

    /** An account whose member holds these permissions ("invoices,tickets"), and a stranger's account. */
    public Tenant withMember(String permissions) {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person member = registrations.registerVerified("Max");
        rows.member(account, member.id(), permissions);
        Person stranger = registrations.registerVerified("Else");
        return new Tenant(owner, account, member, stranger, registrations.accountOf(stranger));
    }
}
