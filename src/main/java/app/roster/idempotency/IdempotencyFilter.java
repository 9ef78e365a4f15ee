package app.roster.idempotency;

import app.roster.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the API's POSTs. It runs after Spring Security, so it knows the principal, and keeps
 * per principal and key the first answer: a retry of the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and never runs twice (no second account, no second invitation). The same key
 * with another request is 422; a retry while the first still runs is 409 (the key is claimed with an INSERT
 * before the request runs, so this holds across nodes). A 5xx, a 429 or an error page is not kept: the key is
 * free again for the retry. A request without the header, or without a signed-in principal, runs as usual.
 *
 * <p>A claim whose node died mid-request stays until the key's lifetime ends and answers 409 meanwhile:
 * running the request again could create what the first run already committed.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /**
     * A request attribute a handler sets (to the bytes of another body) when its answer holds a secret shown once,
     * such as an invitation's accept link: the answer is kept with that body instead, so the secret is never
     * stored, and a retry gets the answer without it.
     */
    public static final String REPLAY_BODY = IdempotencyFilter.class.getName() + ".replayBody";
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final MessageSource messages;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, IdempotencySettings settings, MessageSource messages, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> sent = Collections.list(request.getHeaders(HEADER));
        Optional<String> principal = principal();
        if (sent.isEmpty() || principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (sent.size() != 1 || !valid(sent.getFirst())) {
            problem(request, response, HttpStatus.BAD_REQUEST, "idempotency.keyInvalid");
            return;
        }
        BufferedRequest buffered = BufferedRequest.read(request, settings.maxBody().toBytes());
        if (buffered == null) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.tooLarge");
            return;
        }
        String key = sent.getFirst();
        Instant now = clock.instant();
        switch (keys.claim(principal.get(), key, buffered.hash(), now, now.minus(settings.keyLifetime()))) {
            case Claim.Taken taken -> run(buffered, response, chain, principal.get(), key, taken.token());
            case Claim.Answered answered -> replay(answered.answer(), response);
            case Claim.OtherRequest other ->
                    problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.keyReused");
            case Claim.Running running -> problem(request, response, HttpStatus.CONFLICT, "idempotency.inProgress");
        }
    }

    private void run(BufferedRequest request, HttpServletResponse response, FilterChain chain, String principal,
            String key, String token) throws ServletException, IOException {
        CapturedResponse captured = new CapturedResponse(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.worthKeeping() && !request.isAsyncStarted()) {
                keys.answer(principal, key, token, request.getAttribute(REPLAY_BODY) instanceof byte[] replayBody
                        ? captured.answer().withBody(replayBody) : captured.answer());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(principal, key, token);
            }
        }
        captured.copyBodyToResponse();
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** An RFC 9457 problem, shaped like the ones {@code web.RefusalAdvice} writes (its message key as "code"). */
    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(code, null, code, request.getLocale()));
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** 1 to 255 printable ASCII characters (space to tilde). */
    static boolean valid(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /**
     * Whose keys these are. Roster's principals by kind and id (an email can change, an id cannot); any other
     * principal (an API credential) by its name.
     */
    static Optional<String> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Actor.Principal actor) {
            return Optional.of(actor.actorType() + ":" + actor.actorId());
        }
        return Optional.of("name:" + authentication.getName());
    }
}
