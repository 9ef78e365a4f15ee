package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only the static folders are served, with names that change with their content, cached for a year. */
@IntegrationTest
@PageTest
class StaticResourcesIT {

    private static final String A_YEAR = "max-age=31536000";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;

    @Test
    void ownStylesAndScriptsAreNamedByTheirContentAndCachedForAYear() throws Exception {
        Visitor.Page login = new Visitor(port).get("/login");
        String stylesheet = login.html().select("link[rel=stylesheet]").eachAttr("href").stream()
                .filter(href -> href.startsWith("/css/")).findFirst().orElseThrow();
        String script = login.html().select("script[src^=/js/]").attr("src");

        assertThat(stylesheet).matches("/css/roster-[0-9a-f]{32}\\.css");
        assertThat(script).matches("/js/roster-[0-9a-f]{32}\\.js");
        for (String path : List.of(stylesheet, script)) {
            HttpResponse<String> file = get(path, "*/*", null);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains(A_YEAR, "immutable"));
        }
        assertThat(get(stylesheet, "*/*", null).body()).isEqualTo(get("/css/roster.css", "*/*", null).body());
    }

    @Test
    void everyFileOfTheStaticFolderIsServed() throws Exception {
        Path root = Path.of("src/main/resources/static");
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(file -> "/" + root.relativize(file).toString()).toList();
        }

        assertThat(files).isNotEmpty();
        for (String path : files) {
            assertThat(get(path, "*/*", null).statusCode()).as(path + ": its folder is in StaticResources")
                    .isEqualTo(200);
        }
    }

    @Test
    void webjarsKeepTheirVersionedPathsAndTheLongCache() throws Exception {
        Visitor.Page login = new Visitor(port).get("/login");
        List<String> webjars = login.html().select("link[href^=/webjars/], script[src^=/webjars/]").stream()
                .map(element -> element.hasAttr("href") ? element.attr("href") : element.attr("src")).toList();

        assertThat(webjars).hasSize(3).allSatisfy(path -> assertThat(path).matches("/webjars/[^/]+/\\d[^/]*/.+"));
        for (String path : webjars) {
            HttpResponse<String> file = get(path, "*/*", null);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains(A_YEAR));
        }
    }

    @Test
    void theStrengthMetersScriptLinkIsVersionedToo() {
        Visitor.Page register = new Visitor(port).get("/register");
        Element meter = register.html().selectFirst("[data-zxcvbn-src]");

        assertThat(meter).isNotNull();
        assertThat(meter.attr("data-zxcvbn-src")).matches("/webjars/zxcvbn/\\d[^/]*/zxcvbn\\.js");
        assertThat(new Visitor(port).get(meter.attr("data-zxcvbn-src")).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathOfASignedInUserIsTheFriendlyNotFoundPage() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());

        Visitor.Page unknown = visitor.get("/no-such-page");
        Visitor.Page unknownFile = new Visitor(port).get("/css/no-such-file.css");
        Visitor.Page outsideTheFolders = new Visitor(port).get("/static/css/roster.css");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("Page not found");
        assertThat(unknownFile.status()).isEqualTo(404);
        assertThat(unknownFile.text()).contains("Page not found");
        assertThat(outsideTheFolders.status()).as("no catch-all handler behind the login").isIn(302, 404);
    }

    @Test
    void anUnknownApiRouteIsAProblem() throws Exception {
        HttpResponse<String> problem = get("/api/v1/nope", "application/json", credentials.keySecret("members:read"));

        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(problem.body()).contains("urn:roster:problem:no-route");
    }

    private HttpResponse<String> get(String path, String accept, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
