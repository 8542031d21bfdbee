package dev.fnkit.runtime;

import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.TypedFunction;
import java.lang.reflect.Type;

/** A loaded function adapted to one calling convention, built once at load time. */
@FunctionalInterface
interface FunctionHandler {

  void handle(FunctionRequest request, FunctionResponse response) throws Exception;

  static FunctionHandler of(Object function, Json json) {
    if (function instanceof HttpFunction http) {
      return http::handle;
    }
    if (function instanceof TypedFunction<?, ?> typed) {
      return typed(typed, TypedFunctions.inputType(function.getClass()), json);
    }
    throw new IllegalArgumentException(
        function.getClass().getName()
            + " implements neither "
            + HttpFunction.class.getName()
            + " nor "
            + TypedFunction.class.getName());
  }

  @SuppressWarnings("unchecked")
  private static FunctionHandler typed(TypedFunction<?, ?> function, Type inputType, Json json) {
    TypedFunction<Object, Object> typed = (TypedFunction<Object, Object>) function;
    return (request, response) -> {
      Object input;
      try {
        input = request.bodyAs(inputType);
      } catch (IllegalArgumentException unbound) {
        throw new HttpException(400, unbound.getMessage());
      }
      if (input == null) {
        throw new HttpException(400, "Request body is JSON null; expected a JSON value.");
      }
      Object output = typed.apply(input, request);
      if (output == null) {
        response.empty();
      } else {
        response.json(output);
      }
    };
  }
}
