package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is generated from the code, so it cannot drift from it: every {@code /api} route of the
 * running application is in it and nothing else, it is valid OpenAPI 3.1, and each operation says its scopes and
 * the problems it answers.
 */
@IntegrationTest
@PageTest
class OpenApiDocumentIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient.Response document;
    OpenAPI openApi;

    @BeforeEach
    void document() {
        document = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        writeForReaders(document.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.body(), null, options);
        assertThat(result.getMessages()).as("what the OpenAPI 3.1 parser reports").isEmpty();
        openApi = result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidOpenApi31WithTheBearerSchemeAndTheProblemSchema() {
        assertThat(document.json().get("openapi").asString()).startsWith("3.1.");
        assertThat(openApi.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(openApi.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(openApi.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
        assertThat(openApi.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(openApi.getInfo().getDescription()).contains("RFC 9457", "Bearer");
        assertThat(openApi.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl())
                .isEqualTo("http://localhost:8080"));
        assertThat(openApi.getComponents().getSchemas()).as("the caller is no parameter").doesNotContainKey("ApiCaller");
    }

    /** The check above is only worth something if the parser does report a broken document. */
    @Test
    void theParserReportsABrokenDocument() {
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) document.json().deepCopy();
        broken.remove("info");
        broken.put("paths", "none");
        ParseOptions options = new ParseOptions();
        options.setResolve(false);

        assertThat(new OpenAPIV3Parser().readContents(broken.toString(), null, options).getMessages()).isNotEmpty();
    }

    @Test
    void everyApiRouteOfTheApplicationIsDocumentedAndNoOther() {
        Set<String> routes = new TreeSet<>();
        apiHandlers().forEach((route, handler) -> routes.add(route));

        Set<String> documented = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(method.name() + " " + path)));

        assertThat(routes).isNotEmpty().contains("GET /api/v1/permissions", "POST /api/v1/access-checks",
                "GET /api/v1/accounts/{accountId}/members/{userId}");
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void everyRouteDeclaresItsScopesAndEveryOperationItsProblems() {
        apiHandlers().forEach((route, handler) -> assertThat(handler.getMethodAnnotation(RequiresScope.class))
                .as(route + " declares its scopes with @RequiresScope").isNotNull());

        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String route = method + " " + path;
            assertThat(operation.getSummary()).as(route + " summary").isNotBlank();
            assertThat(operation.getDescription()).as(route + " description").contains("**Scopes:**");
            assertThat(operation.getExtensions()).as(route).containsKey("x-required-scopes");
            for (String status : new String[] {"401", "403", "429", "500"}) {
                assertProblemResponse(route, operation, status);
            }
            if (path.contains("{")) {
                assertProblemResponse(route, operation, "404");
            }
            if (operation.getRequestBody() != null) {
                assertProblemResponse(route, operation, "400");
                assertProblemResponse(route, operation, "413");
            }
            operation.getResponses().keySet().stream().filter(status -> !status.startsWith("2"))
                    .forEach(status -> assertProblemResponse(route, operation, status));
        }));
    }

    /** A route declares only its own problems, by status and meaning; the shell gives each its body and example. */
    @Test
    void aProblemARouteDeclaresKeepsItsMeaningThereAndGetsTheProblemBody() {
        Operation change = openApi.getPaths().get("/api/v1/accounts/{accountId}/members/{userId}").getPatch();

        assertThat(change.getResponses()).containsKeys("400", "401", "403", "404", "412", "413", "415", "422",
                "428", "429", "500");
        assertThat(change.getResponses().get("412").getDescription()).isEqualTo("Changed since the ETag sent in If-Match");
        assertThat(change.getResponses().get("422").getDescription()).isEqualTo("An unknown permission key");
        assertThat(change.getResponses().get("428").getContent().get("application/problem+json").getExamples())
                .containsKey("precondition-required");
        assertThat(change.getResponses().get("403").getDescription())
                .isEqualTo("The credential lacks a scope this route needs, or the permission for it");
    }

    @Test
    void swaggerUiIsServedWithoutACredential() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response ui = client.send("GET", "/swagger-ui/index.html", Map.of("Accept", "text/html"), null);

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(client.get("/v3/api-docs", null).headers().allValues("Set-Cookie")).isEmpty();
    }

    private static void assertProblemResponse(String route, Operation operation, String status) {
        assertThat(operation.getResponses()).as(route + " answers " + status).containsKey(status);
        var content = operation.getResponses().get(status).getContent();
        assertThat(content).as(route + " " + status + " is a problem document")
                .containsOnlyKeys("application/problem+json");
        assertThat(content.get("application/problem+json").getSchema().get$ref()).endsWith("/Problem");
        assertThat(content.get("application/problem+json").getExamples()).as(route + " " + status + " example")
                .isNotEmpty();
    }

    /** The generated document, for a reader of the build's output (target/openapi.json). */
    private static void writeForReaders(String json) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
        } catch (java.io.IOException ignored) {
            // only a convenience
        }
    }

    /** "GET /api/v1/permissions" → its handler, for every /api mapping of the running application. */
    private Map<String, HandlerMethod> apiHandlers() {
        Map<String, HandlerMethod> handlers = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    mapping.getKey().getMethodsCondition().getMethods()
                            .forEach(method -> handlers.put(method.name() + " " + pattern, mapping.getValue()));
                }
            }
        }
        return handlers;
    }
}
