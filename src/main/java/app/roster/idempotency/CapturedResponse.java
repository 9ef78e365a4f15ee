package app.roster.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The response held back until the request is done, so that its answer can be kept before it is sent. An error
 * the container renders itself ({@code sendError}) is not the handler's answer and is never kept.
 */
final class CapturedResponse extends ContentCachingResponseWrapper {

    private boolean errorSent;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }

    /** A server error, a rate limit or an error page may be gone at the next try: those answers are not kept. */
    boolean worthKeeping() {
        int status = getStatus();
        return !errorSent && status < 500 && status != 429;
    }

    StoredAnswer answer() {
        return new StoredAnswer(getStatus(), getContentType(), getHeader(HttpHeaders.LOCATION),
                getHeader(HttpHeaders.ETAG), getContentAsByteArray());
    }
}
