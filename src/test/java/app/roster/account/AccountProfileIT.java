package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AccountProfileIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;


    @Test
    void theOwnerEditsTheAccountAndTheChangeIsAuditedBeforeAndAfter() {
        Person owner = registrations.registerVerified("Olga");
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());
        visitor.get("/account");

        Visitor.Page saved = visitor.post("/account", profile("Olga Hosting", "DE", "+49 30 1234"));

        assertThat(saved.location()).endsWith("/account");
        assertThat(visitor.get("/account").text()).contains("The account details were saved.");
        long accountId = registrations.accountOf(owner);
        Account account = accounts.findById(accountId).orElseThrow();
        assertThat(account.name()).isEqualTo("Olga Hosting");
        assertThat(account.profile().country()).isEqualTo("DE");
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE account_id = ? AND action = 'account.profile_updated'")
                .param(accountId).query(String.class).single())
                .contains("name=Olga Tester -> Olga Hosting").contains("country= -> DE");
    }

    @Test
    void badInputIsAFieldErrorAndChangesNothing() {
        Person owner = registrations.registerVerified("Olga");
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());
        visitor.get("/account");

        Visitor.Page page = visitor.post("/account", profile("", "Germany", "call me"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Please fill in this field.", "Please choose a country from the list.", "digits, spaces");
        assertThat(accounts.findById(registrations.accountOf(owner)).orElseThrow().name()).isEqualTo("Olga Tester");
    }

    @Test
    void aMemberWithoutTheProfilePermissionGets403AndAStrangerCannotSelectTheAccount() {
        Person owner = registrations.registerVerified("Olga");
        Person member = registrations.registerVerified("Mia");
        Person stranger = registrations.registerVerified("Sam");
        long accountId = registrations.accountOf(owner);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices', ?)")
                .params(accountId, member.id(), Timestamp.from(Instant.now())).update();

        Visitor mia = new Visitor(port);
        mia.login(member.email(), member.password());
        mia.get("/accounts");
        mia.post("/accounts/" + accountId + "/select", Map.of());
        Visitor.Page forbidden = mia.get("/account");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text()).contains("You do not have access to this page");
        assertThat(mia.post("/account", profile("Hijacked", "", "")).status()).isEqualTo(403);

        Visitor sam = new Visitor(port);
        sam.login(stranger.email(), stranger.password());
        Visitor.Page notFound = sam.post("/accounts/" + accountId + "/select", Map.of());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(sam.post("/accounts/999999999/select", Map.of()).text()).isEqualTo(notFound.text());
        assertThat(accounts.findById(accountId).orElseThrow().name()).isEqualTo("Olga Tester");
    }

    @Test
    void theCountryIsASelectOfNamesInTheReadersLanguageAndAnUnknownCodeIsAFieldError() {
        Person owner = registrations.registerVerified("Olga");
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());

        Visitor.Page german = visitor.get("/account?lang=de");
        assertThat(german.html().selectFirst("label[for=country]").text()).isEqualTo("Land");
        assertThat(german.html().selectFirst("label[for=name]").text()).isEqualTo("Kontoname");
        assertThat(german.html().selectFirst("#name").attr("aria-describedby")).isEqualTo("name-hint");
        assertThat(german.html().selectFirst("#name-hint").text()).contains("Kontoauswahl");
        Elements options = german.html().select("select#country option");
        assertThat(options.first().attr("value")).isEmpty();
        assertThat(options).hasSize(Locale.getISOCountries().length + 1);
        assertThat(german.html().selectFirst("select#country option[value=DE]").text()).isEqualTo("Deutschland");
        List<String> names = options.stream().skip(1).map(Element::text).toList();
        assertThat(names).isSortedAccordingTo(Collator.getInstance(Locale.GERMAN)::compare);
        assertThat(names.indexOf("Österreich")).isBetween(names.indexOf("Oman"), names.indexOf("Pakistan"));
        assertThat(visitor.get("/account?lang=fr").html().selectFirst("select#country option[value=GB]").text())
                .isEqualTo("Royaume-Uni");

        Visitor.Page refused = visitor.post("/account", profile("Olga Hosting", "XX", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#country-error").text()).isEqualTo("Veuillez choisir un pays dans la liste.");
        assertThat(refused.html().selectFirst("#country").attr("aria-invalid")).isEqualTo("true");
        assertThat(accounts.findById(registrations.accountOf(owner)).orElseThrow().profile().country()).isNull();

        visitor.get("/account?lang=en");
        assertThat(visitor.post("/account", profile("Olga Hosting", "ch", "")).location()).endsWith("/account");
        Visitor.Page saved = visitor.get("/account");
        assertThat(accounts.findById(registrations.accountOf(owner)).orElseThrow().profile().country()).isEqualTo("CH");
        assertThat(saved.html().selectFirst("select#country option[selected]").text()).isEqualTo("Switzerland");
    }

    @Test
    void losingTheMembershipTakesEffectOnTheNextRequest() {
        Person owner = registrations.registerVerified("Olga");
        Person member = registrations.registerVerified("Mia");
        long accountId = registrations.accountOf(owner);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'profile', ?)")
                .params(accountId, member.id(), Timestamp.from(Instant.now())).update();
        Visitor mia = new Visitor(port);
        mia.login(member.email(), member.password());
        mia.get("/accounts");
        mia.post("/accounts/" + accountId + "/select", Map.of());
        assertThat(mia.get("/account").status()).isEqualTo(200);

        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?").params(accountId, member.id()).update();

        // Back to the chooser, which would open the page asked for in an account she still has.
        assertThat(mia.get("/account").location()).endsWith("/accounts?next=%2Faccount");
    }

    private static Map<String, String> profile(String name, String country, String phone) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("companyName", "");
        form.put("address1", "1 Main Street");
        form.put("address2", "");
        form.put("city", "Berlin");
        form.put("region", "");
        form.put("postcode", "10115");
        form.put("country", country);
        form.put("phone", phone);
        form.put("taxId", "");
        return form;
    }
}
