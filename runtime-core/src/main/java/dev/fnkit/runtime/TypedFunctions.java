package dev.fnkit.runtime;

import dev.fnkit.sdk.TypedFunction;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds the input type {@code I} of a {@code TypedFunction<I, O>} implementation. */
final class TypedFunctions {
  private TypedFunctions() {}

  static Type inputType(Class<?> functionClass) {
    Type found = find(functionClass, new HashMap<>());
    if (found == null || found instanceof TypeVariable<?>) {
      throw new IllegalArgumentException(
          functionClass.getName()
              + ": cannot tell the input type of TypedFunction; implement TypedFunction<I, O> with"
              + " concrete type arguments");
    }
    return found;
  }

  private static Type find(Class<?> type, Map<TypeVariable<?>, Type> bindings) {
    for (Type generic : type.getGenericInterfaces()) {
      Type result = fromSupertype(generic, bindings);
      if (result != null) {
        return result;
      }
    }
    Type superclass = type.getGenericSuperclass();
    return superclass == null ? null : fromSupertype(superclass, bindings);
  }

  private static Type fromSupertype(Type supertype, Map<TypeVariable<?>, Type> bindings) {
    if (supertype instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == TypedFunction.class) {
        return resolve(arguments[0], bindings);
      }
      Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
      TypeVariable<?>[] variables = raw.getTypeParameters();
      for (int i = 0; i < variables.length; i++) {
        inner.put(variables[i], resolve(arguments[i], bindings));
      }
      return find(raw, inner);
    }
    if (supertype instanceof Class<?> raw && TypedFunction.class.isAssignableFrom(raw)) {
      return find(raw, Map.of());
    }
    return null;
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, type) : type;
  }
}
