package app.roster.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the connections that requests take from the pool: those taken on Tomcat's request threads (virtual ones are named {@code tomcat-handler-N}), so that a
 * test of a request's database cost does not also count the background jobs' (the mail and webhook pollers run
 * every 100 ms in tests, more often within a slow request). Wraps every application's data source
 * ({@link TestInfrastructure}); Boot's pool metrics and health unwrap it.
 */
public final class RequestConnections extends DelegatingDataSource {

    private static final AtomicLong TAKEN = new AtomicLong();

    private RequestConnections(DataSource target) {
        super(target);
    }

    /** Connections taken by request threads in this JVM so far. */
    public static long taken() {
        return TAKEN.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        count();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        count();
        return super.getConnection(username, password);
    }

    private static void count() {
        String thread = Thread.currentThread().getName();
        if (thread.startsWith("tomcat-handler-") || thread.startsWith("http-nio-")) { // virtual threads or not
            TAKEN.incrementAndGet();
        }
    }

    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof RequestConnections)
                        ? new RequestConnections(dataSource) : bean;
            }
        };
    }
}
