package io.workspacebackend.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Every SQL statement a backend prepares or executes, recorded by wrapping its data source: hand it
 * to {@link RunningBackend#hookedBy} and read {@link #since(int)}. Counting at the JDBC boundary
 * sees whatever reaches SQLite, whichever repository or template sent it.
 */
public final class SqlStatements implements SpringApplicationHook {
  private static final Set<String> STATEMENT_METHODS =
      Set.of("prepareStatement", "prepareCall", "createStatement");

  private final List<String> recorded = new CopyOnWriteArrayList<>();

  /** How many statements so far: a mark for {@link #since(int)}. */
  public int mark() {
    return recorded.size();
  }

  /** The statements recorded after {@code mark}, each as its SQL (or "statement" if unprepared). */
  public List<String> since(int mark) {
    return List.copyOf(recorded.subList(mark, recorded.size()));
  }

  @Override
  public SpringApplicationRunListener getRunListener(SpringApplication application) {
    return new SpringApplicationRunListener() {
      @Override
      public void contextPrepared(ConfigurableApplicationContext context) {
        context
            .getBeanFactory()
            .addBeanPostProcessor(
                new BeanPostProcessor() {
                  @Override
                  public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ? wrap(bean, DataSource.class) : bean;
                  }
                });
      }
    };
  }

  /** {@code target} behind a proxy of all its interfaces, so that {@code close()} still works. */
  private Object wrap(Object target, Class<?> watched) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (watched == Connection.class && STATEMENT_METHODS.contains(method.getName())) {
            recorded.add(
                args != null && args.length > 0 && args[0] instanceof String sql
                    ? sql
                    : "statement");
          }
          if (result instanceof Connection connection) {
            return wrap(connection, Connection.class);
          }
          return result;
        };
    return Proxy.newProxyInstance(
        target.getClass().getClassLoader(),
        ClassUtils.getAllInterfacesForClass(target.getClass()),
        handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
