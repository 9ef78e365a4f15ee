package app.roster.credential;

/**
 * A credential just created: its id and the full secret text, which is shown to its creator once and never
 * stored or shown again.
 */
public record IssuedSecret(long id, String secret) {

    @Override
    public String toString() {
        return "IssuedSecret[" + id + ", secret redacted]";
    }
}
