package app.roster.staff.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.staff.AdministratorsOnly;
import app.roster.support.IntegrationTest;
import app.roster.support.Visitor;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every Admin Area route, found from the handler mappings rather than listed by hand, so a route added later
 * is covered too: Support staff cannot change anything outside their short list, a Client Area login opens
 * no Admin Area page, and no POST works without a CSRF token.
 */
@IntegrationTest
class AdminAuthorizationTest {

    private static final String PASSWORD = "correct horse battery staple";
    /** Open without a staff login by design: the login, the set-password link and the code step after it. */
    private static final Set<String> PUBLIC = Set.of("/admin/login", "/admin/setup-password", "/admin/two-factor");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    /** One route: its pattern, method and whether its handler is for Administrators only. */
    record Route(String pattern, RequestMethod method, boolean administratorsOnly) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String adminEmail;
    String supportEmail;
    String userEmail;
    long accountId;
    long memberId;

    @BeforeEach
    void rows() {
        adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        supportEmail = "support-" + UUID.randomUUID() + "@example.com";
        insert("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, 'Ada', ?, 'ADMINISTRATOR', ?)",
                adminEmail, encoder.encode(PASSWORD), now());
        insert("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, 'Sue', ?, 'SUPPORT', ?)",
                supportEmail, encoder.encode(PASSWORD), now());
        userEmail = "user-" + UUID.randomUUID() + "@example.com";
        long owner = insert("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, ?, 'Olga', 'Owner', 'en', ?)""", userEmail, encoder.encode(PASSWORD), now());
        memberId = insert("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, 'x', 'Max', 'Member', 'en', ?)""", "member-" + UUID.randomUUID() + "@example.com", now());
        accountId = insert("INSERT INTO accounts (name, owner_user_id, created_at) VALUES ('Acme', ?, ?)", owner, now());
        for (long user : new long[] {owner, memberId}) {
            jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, '', ?)")
                    .params(accountId, user, now()).update();
        }
    }

    @Test
    void theRoutesAreFound() {
        assertThat(routes()).extracting(Route::pattern)
                .contains("/admin", "/admin/clients/{id}", "/admin/staff", "/admin/staff/{id}/role");
        assertThat(routes()).filteredOn(Route::administratorsOnly).isNotEmpty();
    }

    @Test
    void supportStaffArePostingOnlyToTheirShortList() {
        Visitor support = staff(supportEmail);
        List<String> allowed = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method() != RequestMethod.POST || PUBLIC.contains(route.pattern())) {
                continue;
            }
            String path = concrete(route.pattern());
            if (supportMayPost(path)) {
                allowed.add(path);
                continue;
            }
            support.get("/admin");
            assertThat(support.post(path, Map.of()).status()).as("Support POST " + path).isEqualTo(403);
        }
        assertThat(allowed).as("only the Support list").allMatch(AdminAuthorizationTest::supportMayPost);
    }

    @Test
    void supportStaffGetNoChangeForms() {
        Visitor support = staff(supportEmail);
        for (Route route : routes()) {
            if (route.method() == RequestMethod.GET && route.administratorsOnly()) {
                String path = concrete(route.pattern());
                assertThat(support.get(path).status()).as("Support GET " + path).isEqualTo(403);
            }
        }
    }

    @Test
    void supportStaffSeeNoChangeButtonsOnThePagesTheyOpen() {
        Visitor support = staff(supportEmail);
        List<PathPattern> administratorPages = routes().stream()
                .filter(route -> route.method() == RequestMethod.GET && route.administratorsOnly())
                .map(route -> PathPatternParser.defaultInstance.parse(route.pattern())).toList();
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method() != RequestMethod.GET || route.administratorsOnly() || PUBLIC.contains(route.pattern())) {
                continue;
            }
            String path = concrete(route.pattern());
            Visitor.Page page = support.get(path);
            if (page.status() != 200) {
                continue;
            }
            checked.add(path);
            for (Element form : page.html().select("form")) {
                String action = path(form.attr("action"));
                if ("post".equalsIgnoreCase(form.attr("method")) && !supportMayPost(action)) {
                    offending.add(path + " has a form posting to " + action);
                }
            }
            for (Element link : page.html().select("a[href]")) {
                String target = path(link.attr("href"));
                if (administratorPages.stream().anyMatch(p -> p.matches(PathContainer.parsePath(target)))) {
                    offending.add(path + " links to the Administrators' page " + target);
                }
            }
        }
        assertThat(checked).contains("/admin", "/admin/clients/" + accountId);
        assertThat(offending).isEmpty();
    }

    @Test
    void aClientAreaUserOpensNoAdminAreaPage() {
        Visitor user = new Visitor(port);
        user.get("/login");
        assertThat(user.post("/login", Map.of("email", userEmail, "password", PASSWORD)).location())
                .doesNotContain("error");
        for (Route route : routes()) {
            if (route.method() != RequestMethod.GET || PUBLIC.contains(route.pattern())) {
                continue;
            }
            String path = concrete(route.pattern());
            Visitor.Page page = user.get(path);
            assertThat(page.status()).as("client user GET " + path).isIn(302, 403);
            if (page.status() == 302) {
                assertThat(page.location()).as("client user GET " + path).endsWith("/admin/login");
            }
        }
    }

    @Test
    void noAdminAreaPostWorksWithoutACsrfToken() {
        Visitor admin = staff(adminEmail);
        for (Route route : routes()) {
            if (route.method() == RequestMethod.POST) {
                String path = concrete(route.pattern());
                assertThat(admin.postRaw(path, Map.of()).status()).as("POST without CSRF " + path).isEqualTo(403);
            }
        }
        assertThat(admin.get("/admin").status()).as("still logged in, nothing happened").isEqualTo(200);
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            boolean administratorsOnly = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AdministratorsOnly.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AdministratorsOnly.class);
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.add(new Route(pattern, method, administratorsOnly));
                }
            }
        }
        return routes;
    }

    /** Each path variable filled: the client account and its member where so named, a client id, else 1. */
    private String concrete(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            long value = name.equals("id") && pattern.startsWith("/admin/clients/") ? accountId
                    : name.toLowerCase().contains("user") ? memberId : 1;
            // An OpenID Connect client id is text of one form (oidc.OidcClientId), not a number.
            matcher.appendReplacement(path, name.equals("clientId") ? "roster_ci_00000000000000000000"
                    : String.valueOf(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static boolean supportMayPost(String path) {
        return Arrays.stream(AdminAreaSecurity.SUPPORT_MAY_POST)
                .anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(PathContainer.parsePath(path)));
    }

    private static String path(String url) {
        return URI.create(url.isEmpty() ? "/" : url).getRawPath();
    }

    private Visitor staff(String email) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/admin");
        staff.get("/admin");
        return staff;
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
