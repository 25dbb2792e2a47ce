package org.coopera.platform.web;

import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.PageParameters;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a handler take {@link PageParameters} from the {@code page} and {@code size} request
 * parameters, checked, with a 400 naming the parameter when one is not a number in range.
 */
class PageParametersResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == PageParameters.class;
  }

  @Override
  public PageParameters resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return PageParameters.of(
        integer(request, "page"), integer(request, "size"), PageParameters.DEFAULT_SIZE);
  }

  private static Integer integer(NativeWebRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, "parameter.error.type", name, value);
    }
  }
}
