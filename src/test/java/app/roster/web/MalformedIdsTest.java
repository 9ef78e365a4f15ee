package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.api.Scope;
import app.roster.shared.Id;
import app.roster.shared.TextId;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An id in a path that is no id at all answers exactly like an id that does not exist: the 404 page, counted
 * as a not-found security event. Every route with an id in its path, in both areas, is found from the handler
 * mappings, so a route added later is covered too; and every path variable is a typed id.
 */
@IntegrationTest
@PageTest
class MalformedIdsTest {

    private static final String STAFF_PASSWORD = "copper meadow lantern frost";
    /** Letters, an exponent, a sign, zero, a fraction, leading zeros, beyond a long, other scripts' digits, blank. */
    private static final List<String> MALFORMED = List.of("abc", "1e3", "-1", "0", "1.5", "007",
            "99999999999999999999", "%D9%A1%D9%A2", "%EF%BC%91", "%20", "1%20", "0x1F");
    /** On every route, a few of them: the converters are one per type, and IdTest has every case. */
    private static final List<String> ON_EVERY_ROUTE = List.of("abc", "-1", "99999999999999999999");
    /** All of them on one route of each area. */
    private static final Set<String> EVERY_CASE = Set.of("/admin/users/{id}", "/contacts/{id}/edit");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)}");
    private static final long MISSING = 999_999_999L;

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Visitor owner;
    Visitor staff;

    @BeforeEach
    void visitors() {
        Person olga = registrations.registerVerified("Olga");
        owner = new Visitor(port);
        owner.login(olga.email(), olga.password());
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, 'Ada', ?, 'ADMINISTRATOR', ?)")
                .params(email, encoder.encode(STAFF_PASSWORD), Timestamp.from(Instant.now())).update();
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", STAFF_PASSWORD)).location())
                .endsWith("/admin");
    }

    @Test
    void everyPathVariableIsATypedId() {
        List<String> untyped = new ArrayList<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(PathVariable.class)
                        && !Id.class.isAssignableFrom(parameter.getParameterType())
                        && !TextId.class.isAssignableFrom(parameter.getParameterType())) {
                    untyped.add(handler.getShortLogMessage() + " " + parameter.getParameterName());
                }
            }
        }
        assertThat(untyped).isEmpty();
    }

    @Test
    void aMalformedIdOnEveryRouteOfBothAreasIsTheNotFoundPage() {
        List<Route> routes = routes(false);
        assertThat(routes).extracting(Route::pattern).contains("/admin/clients/{id}", "/admin/users/{id}",
                "/admin/staff/{id}", "/admin/emails/{id}", "/admin/clients/{id}/contacts/{contactId}/edit",
                "/admin/clients/{id}/invites/{invitationId}/cancel", "/admin/clients/{id}/users/{userId}/remove",
                "/users/{userId}/permissions", "/users/invitations/{invitationId}/cancel", "/contacts/{id}/edit",
                "/accounts/{id}/select");
        assertThat(routes).extracting(Route::pattern).containsAll(EVERY_CASE);
        String adminNotFound = main(staff.get("/admin/clients/" + MISSING));
        String clientNotFound = main(owner.get("/users/" + MISSING + "/remove"));
        assertThat(clientNotFound).contains("This page does not exist, or it is not part of your account.");
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        double before = notFoundEvents();
        for (Route route : routes) {
            Visitor visitor = route.adminArea() ? staff : owner;
            String notFound = route.adminArea() ? adminNotFound : clientNotFound;
            for (String variable : route.variables()) {
                for (String malformed : EVERY_CASE.contains(route.pattern()) ? MALFORMED : ON_EVERY_ROUTE) {
                    String path = concrete(route.pattern(), variable, malformed);
                    Visitor.Page page = route.method() == RequestMethod.GET ? visitor.get(path)
                            : visitor.post(path, Map.of());
                    requests++;
                    if (page.status() != 404 || !main(page).equals(notFound)) {
                        wrong.add(route.method() + " " + path + " answered " + page.status());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(notFoundEvents() - before).as("each counted like a missing id").isEqualTo(requests);
        assertThat(staff.get("/admin").status()).as("still signed in, nothing refused the session").isEqualTo(200);
        assertThat(owner.get("/users").status()).isEqualTo(200);
    }

    @Test
    void aMalformedIdOnEveryRouteOfTheRestApiIsTheNotFoundProblem() {
        List<Route> routes = routes(true);
        assertThat(routes).extracting(Route::pattern).contains("/api/v1/accounts/{accountId}/members/{userId}",
                "/api/v1/accounts/{accountId}/invitations/{invitationId}", "/api/v1/users/{userId}",
                "/api/v1/accounts/{accountId}/contacts/{contactId}", "/api/v1/personal-tokens/{tokenId}");
        String key = credentials.keySecret(Arrays.stream(Scope.values()).map(Scope::key).toArray(String[]::new));
        ApiClient api = new ApiClient(port);
        ApiClient.Response missing = api.get("/api/v1/users/" + MISSING, key);
        assertThat(missing.status()).isEqualTo(404);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (String variable : route.variables()) {
                for (String malformed : ON_EVERY_ROUTE) {
                    String path = concrete(route.pattern(), variable, malformed);
                    ApiClient.Response answer = api.send(route.method().name(), path, Map.of("Authorization",
                            "Bearer " + key, "Content-Type", "application/json"), "{}");
                    if (answer.status() != 404 || !answer.contentType().startsWith("application/problem+json")
                            || !answer.json().path("code").asString().equals(missing.json().path("code").asString())) {
                        wrong.add(route.method() + " " + path + " answered " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anApiClientGetsForAMalformedIdWhatItGetsForAMissingOne() throws Exception {
        HttpResponse<String> missing = json("/admin/clients/" + MISSING + "/activity");
        HttpResponse<String> malformed = json("/admin/clients/1e3/activity");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(missing.statusCode());
        assertThat(malformed.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
        assertThat(withoutCsrfToken(malformed.body())).isEqualTo(withoutCsrfToken(missing.body()));
    }

    /** The token is masked afresh for every response. */
    private static String withoutCsrfToken(String body) {
        return body.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "");
    }

    private HttpResponse<String> json(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "application/json")
                    .header("Cookie", "ROSTER_ADMIN_SESSION=" + staff.cookie("ROSTER_ADMIN_SESSION"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** One route with ids in its path: its pattern, method, area, and the names of its id variables. */
    record Route(String pattern, RequestMethod method, boolean adminArea, List<String> variables) {
    }

    private List<Route> routes(boolean api) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            boolean takesAnId = Arrays.stream(entry.getValue().getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            if (!takesAnId) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") != api) {
                    continue;
                }
                List<String> variables = VARIABLE.matcher(pattern).results().map(m -> m.group(1)).toList();
                boolean adminArea = pattern.startsWith("/admin/");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.add(new Route(pattern, method, adminArea, variables));
                }
            }
        }
        return routes;
    }

    /** The pattern with {@code malformed} in {@code variable} and a well-formed id that exists nowhere elsewhere. */
    private static String concrete(String pattern, String variable, String malformed) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, matcher.group(1).equals(variable) ? malformed : String.valueOf(MISSING));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String main(Visitor.Page page) {
        return page.html().select("main").text();
    }

    private double notFoundEvents() {
        var counter = meters.find("roster.security.events").tag("kind", "not_found").counter();
        return counter == null ? 0 : counter.count();
    }
}
