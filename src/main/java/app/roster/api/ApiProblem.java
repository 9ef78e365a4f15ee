package app.roster.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every API error ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem, {@code urn:roster:problem:…}
 * @param title    a short summary of that kind, in the requested language
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in the requested language
 * @param instance the request's path
 * @param code     a stable key for this particular problem (a rule's message key)
 * @param errors   the fields at fault, for a 400 or a 422
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document: the body of every error response.")
public record ApiProblem(
        @Schema(description = "A URI naming the kind of problem", example = "urn:roster:problem:not-found") String type,
        @Schema(description = "A short summary of that kind of problem, in the requested language",
                example = "Not found") String title,
        @Schema(description = "The HTTP status", example = "404") int status,
        @Schema(description = "What went wrong with this request, in the requested language",
                example = "This does not exist, or it is beyond what this credential may reach.") String detail,
        @Schema(description = "The path of the request", example = "/api/v1/accounts/7/members/12") String instance,
        @Schema(description = "A stable key for this particular problem", example = "not-found") String code,
        @Schema(description = "The fields at fault (400, 422)") List<FieldProblem> errors) {

    /**
     * One field at fault.
     *
     * @param field  where in the request: {@code checks[3].permission}
     * @param detail what is wrong with it, in the requested language
     */
    @Schema(name = "FieldProblem")
    public record FieldProblem(@Schema(example = "checks[0].userId") String field,
            @Schema(example = "must match \"[1-9][0-9]{0,17}\"") String detail) {
    }

    public static String type(String code) {
        return "urn:roster:problem:" + code;
    }
}
