package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test constructors the one {@link LocalApiServer} of the test run: started on first use,
 * kept in the root context's store and closed by JUnit when the run ends, so that every contract
 * class shares a single server start.
 */
final class LocalApiServerExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalApiServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(LocalApiServer.class, key -> startServer(), LocalApiServer.class);
  }

  private static LocalApiServer startServer() {
    try {
      return LocalApiServer.start();
    } catch (Exception e) {
      throw new IllegalStateException("the local API server did not start", e);
    }
  }
}
