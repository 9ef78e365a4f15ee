package app.roster.api;

import app.roster.shared.BaseUrl;
import app.roster.shared.Id;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui.html}), generated from
 * the controllers: the bearer scheme, each route's scopes (from {@link RequiresScope}), the rate-limit headers,
 * and the problem responses every route can give, with examples.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        // The caller comes from the bearer credential, not from the request's parameters.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
    }

    @Bean
    OpenAPI rosterApi(BaseUrl baseUrl) {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("roster_pk_… (platform API key) or roster_pat_… (personal access token)")
                        .description("""
                                A platform API key (created by an Administrator in the Admin Area, with scopes) or a \
                                personal access token (created by a user on their profile, for one account, with \
                                some of their permissions). Session cookies are never accepted."""))
                .addHeaders("RateLimit", new Header().description(
                        "What is left of this credential's budget (IETF draft): `\"credential\";r=<remaining>;t=<seconds>`")
                        .schema(new StringSchema().example("\"credential\";r=1187;t=42")))
                .addHeaders("RateLimit-Policy", new Header().description(
                        "This credential's budget (IETF draft): `\"credential\";q=<requests>;w=<seconds>`")
                        .schema(new StringSchema().example("\"credential\";q=1200;w=60")))
                .addHeaders("Retry-After", new Header().description("Seconds until the budget starts again")
                        .schema(new IntegerSchema().example(42)));
        ModelConverters.getInstance().readAll(ApiProblem.class).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("Roster API").version("v1").description("""
                        Who may do what in which client account, for the hosting platform's own systems and for \
                        users' scripts. JSON over HTTPS; ids are strings; timestamps are RFC 3339 in UTC. \
                        Authenticate with `Authorization: Bearer <credential>`. Every error is an RFC 9457 problem \
                        document (`application/problem+json`); an id beyond the credential's reach answers 404, \
                        exactly like one that does not exist. Every answer carries the credential's rate-limit \
                        budget in `RateLimit` and `RateLimit-Policy`; past it, 429 with `Retry-After`."""))
                // From the configured public address, never from the request's Host header.
                .addServersItem(new Server().url(baseUrl.value().toString()))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The scopes, the budget headers and the problems each route can answer. */
    @Bean
    OperationCustomizer scopesAndProblems() {
        return (operation, handler) -> {
            RequiresScope scopes = handler.getMethodAnnotation(RequiresScope.class);
            if (scopes != null) {
                String needed = scopes.value().length == 0 ? "any valid credential"
                        : Arrays.stream(scopes.value()).map(scope -> "`" + scope.key() + "`")
                                .collect(Collectors.joining(", "));
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                        + "**Scopes:** " + needed + ".");
                operation.addExtension("x-required-scopes",
                        Arrays.stream(scopes.value()).map(Scope::key).toList());
            }
            boolean body = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            boolean ids = handler.getMethodParameters().length > 0 && Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(
                            org.springframework.web.bind.annotation.PathVariable.class));
            addProblems(operation, body, ids, declaredProblems(handler));
            return operation;
        };
    }

    /**
     * A typed id in a path ({@code AccountId}, {@code UserId}, …) is, on the wire, a positive whole number written
     * without sign or leading zeros; anything else answers 404 like a missing id.
     */
    @Bean
    ParameterCustomizer typedIds() {
        return (parameter, method) -> {
            if (parameter != null && Id.class.isAssignableFrom(method.getParameterType())) {
                parameter.setSchema(new StringSchema().pattern("^[1-9][0-9]{0,18}$").example("7"));
            }
            return parameter;
        };
    }

    /** Schemas the customizer refers to stay in the document even where no controller names them. */
    @Bean
    OpenApiCustomizer problemSchemas() {
        return openApi -> ModelConverters.getInstance().readAll(ApiProblem.class)
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }

    /**
     * The problems every route answers (401, 403, 429, 500; 404 with an id in the path; 400, 413, 415, 422 with a
     * body) are added here, once, with their schema and example; a route declares with {@code @ApiResponse} only
     * what is its own: a problem beyond these (409, 412, 428, a 400 or 422 of its query), or what a 400 or 422 of
     * its body means there, by status and description alone. Every problem it declares gets the problem body and
     * an example of its kind here.
     */
    private static void addProblems(Operation operation, boolean body, boolean ids, Map<String, String> declared) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("RateLimit", new Header().$ref("#/components/headers/RateLimit"));
                response.addHeaderObject("RateLimit-Policy", new Header().$ref("#/components/headers/RateLimit-Policy"));
            }
        });
        Map<String, ApiResponse> problems = new LinkedHashMap<>();
        if (body) {
            problems.put("400", problem("The body is malformed, holds an unknown field, or fails validation",
                    example("validation", 400, "Invalid request", "Some fields are missing or invalid; see errors.",
                            List.of(Map.of("field", "checks[0].userId", "detail", "must match \"[1-9][0-9]{0,17}\"")))));
        }
        problems.put("401", problem("No credential, or one that opens nothing (malformed, unknown, expired, revoked)",
                example("unauthorized", 401, "Authentication required",
                        "The credential is not valid: it is malformed, unknown, expired or revoked, or it may not be "
                                + "used from this address.", null)).addHeaderObject("WWW-Authenticate",
                new Header().description("`Bearer realm=\"Roster API\"`, with `error=\"invalid_token\"` for a "
                        + "credential that opens nothing").schema(new StringSchema())));
        problems.put("403", problem("The credential lacks a scope this route needs, or the permission for it",
                example("missing-scope", 403, "Missing scope", "This call needs a credential with the scope "
                        + "members:read.", null)));
        if (ids) {
            problems.put("404", problem("The id does not exist or is beyond the credential's reach",
                    notFound()));
        }
        if (body) {
            problems.put("413", problem("The body is larger than the API accepts", example("too-large", 413,
                    "Content too large", "The body is larger than the 65,536 bytes this API accepts.", null)));
            problems.put("415", problem("The body is not application/json", example("unsupported-media-type", 415,
                    "Unsupported media type", "Send the body as application/json.", null)));
            problems.put("422", problem("A rule refuses the request", example("rule-refused", 422,
                    "Refused by a rule", "Unknown permission; GET /api/v1/permissions lists them.",
                    List.of(Map.of("field", "checks[1].permission", "detail",
                            "Unknown permission; GET /api/v1/permissions lists them.")))));
        }
        problems.put("429", problem("Too many requests from this credential", example("rate-limited", 429,
                "Too many requests", "This credential made too many requests; try again in 42 seconds.", null))
                .addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After")));
        problems.put("500", problem("Something went wrong on our side; never a stack trace", example("server-error",
                500, "Server error", "Something went wrong on our side. It was logged; please try again later.", null)));
        declared.forEach((status, description) -> {
            ApiResponse shared = problems.get(status);
            if (shared != null) {
                shared.description(description);
            } else if (!status.startsWith("2") && !status.startsWith("3")) {
                problems.put(status, problem(description, ownExample(status)));
            }
        });
        problems.forEach(responses::addApiResponse);
        operation.setResponses(responses);
    }

    /** The problems a route declares beyond the ones every route answers, and what they mean there. */
    private static Map<String, String> declaredProblems(HandlerMethod handler) {
        Map<String, String> declared = new LinkedHashMap<>();
        Stream.concat(
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(),
                        io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream(),
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                        io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream())
                .filter(response -> !response.responseCode().startsWith("2"))
                .forEach(response -> declared.put(response.responseCode(), response.description()));
        return declared;
    }

    /** An example of the kind of problem a route's own status stands for. */
    private static Example ownExample(String status) {
        return switch (status) {
            case "400" -> example("validation", 400, "Invalid request", "Some fields are missing or invalid; see errors.",
                    List.of(Map.of("field", "limit", "detail", "must be less than or equal to 200")));
            case "404" -> notFound();
            case "409" -> example("conflict", 409, "Conflict",
                    "This clashes with what exists, or it was changed meanwhile.", null);
            case "412" -> example("precondition-failed", 412, "Precondition failed",
                    "This was changed since the version you sent in If-Match; read it again.", null);
            case "422" -> example("rule-refused", 422, "Refused by a rule",
                    "This cursor was not given out for this list, or it was changed. Start again from the first page.",
                    List.of(Map.of("field", "cursor", "detail", "This cursor was not given out for this list, or it "
                            + "was changed. Start again from the first page.")));
            case "428" -> example("precondition-required", 428, "Precondition required",
                    "This change needs If-Match with the ETag of the version you read; read it first.", null);
            default -> example("invalid-request", Integer.parseInt(status), "Invalid request",
                    "The request is not valid for this call.", null);
        };
    }

    private static Example notFound() {
        return example("not-found", 404, "Not found",
                "This does not exist, or it is beyond what this credential may reach.", null);
    }

    private static ApiResponse problem(String description, Example example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(example.getSummary(), example)));
    }

    private static Example example(String code, int status, String title, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", ApiProblem.type(code));
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        value.put("instance", "/api/v1/…");
        value.put("code", code);
        if (errors != null) {
            value.put("errors", errors);
        }
        return new Example().summary(code).value(value);
    }
}
