package org.racetoplace.platform.identity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;

/**
 * Makes the engine's tenant check refuse with an {@link AuthorizationException}, as the
 * authorization check does, instead of a plain {@link ProcessEngineException}.
 *
 * <p>With communities as tenants, "this task belongs to another community" is an authorization
 * refusal; {@code /engine-rest} answers {@code AuthorizationException}s with 403, a plain engine
 * exception with 500. The engine's {@link TenantCommandChecker} throws nothing but these refusals,
 * so every exception it throws is translated, message kept.
 */
public final class TenantRefusals implements InvocationHandler {

  private final CommandChecker tenantChecker;

  private TenantRefusals(CommandChecker tenantChecker) {
    this.tenantChecker = tenantChecker;
  }

  /** The checker itself if it is not the tenant checker, else the tenant checker, translated. */
  public static CommandChecker asAuthorizationRefusals(CommandChecker checker) {
    if (!(checker instanceof TenantCommandChecker)) {
      return checker;
    }
    return (CommandChecker)
        Proxy.newProxyInstance(
            CommandChecker.class.getClassLoader(),
            new Class<?>[] {CommandChecker.class},
            new TenantRefusals(checker));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> "TenantRefusals(" + tenantChecker + ")";
        default -> method.invoke(tenantChecker, args);
      };
    }
    try {
      return method.invoke(tenantChecker, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ProcessEngineException refusal && !(cause instanceof AuthorizationException)) {
        AuthorizationException translated = new AuthorizationException(refusal.getMessage());
        translated.initCause(refusal);
        throw translated;
      }
      throw cause;
    }
  }
}
