package org.coopera.platform.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET route of the application, read from Spring MVC's own handler mapping (so a new
 * controller method is crawled without anyone listing it), with the query parameters its handler
 * method declares: {@code @RequestParam} names, the fields of a {@code @ModelAttribute} form
 * (record components or bean properties), and simple arguments that Spring binds from parameters
 * without an annotation.
 */
record Routes(List<Route> all) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?}");

  /** One GET route: its path pattern, its handler, and what its mapping requires of a request. */
  record Route(
      String pattern,
      HandlerMethod handler,
      Map<String, String> headers,
      Map<String, String> params,
      Set<String> queryParameters,
      boolean takesAnyParameter) {

    /** The names of the pattern's path variables, in order. */
    List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(pattern);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    boolean api() {
      return pattern.startsWith("/api/");
    }

    String handlerName() {
      return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
    }

    /** The pattern with each variable replaced by the value given for it. */
    String path(Map<String, String> values) {
      Matcher m = VARIABLE.matcher(pattern);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  static Routes of(ApplicationContext context) {
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      HandlerMethod handler = e.getValue();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      if (!handler.getBeanType().getName().startsWith("org.coopera.")) {
        continue; // Spring's error controller and springdoc's own endpoints
      }
      Map<String, String> headers = required(info.getHeadersCondition().getExpressions());
      Map<String, String> params = required(info.getParamsCondition().getExpressions());
      Set<String> names = new LinkedHashSet<>();
      boolean any = false;
      for (MethodParameter p : handler.getMethodParameters()) {
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        any |= queryParameters(p, names);
      }
      for (String pattern : info.getPatternValues()) {
        routes.add(new Route(pattern, handler, headers, params, names, any));
      }
    }
    routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::handlerName));
    return new Routes(List.copyOf(routes));
  }

  private static Map<String, String> required(Set<? extends NameValueExpression<?>> expressions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NameValueExpression<?> x : expressions) {
      if (!x.isNegated()) {
        out.put(x.getName(), x.getValue() == null ? "true" : String.valueOf(x.getValue()));
      }
    }
    return out;
  }

  /**
   * Adds the query parameters that one handler argument reads; answers true when the argument takes
   * every parameter of the request (a {@code Map} of them).
   */
  private static boolean queryParameters(MethodParameter p, Set<String> names) {
    Class<?> type = p.getParameterType();
    RequestParam param = p.getParameterAnnotation(RequestParam.class);
    if (param != null) {
      if (Map.class.isAssignableFrom(type) || MultiValueMap.class.isAssignableFrom(type)) {
        return true;
      }
      if (type.getName().startsWith("org.springframework.web.multipart")) {
        return false;
      }
      names.add(StringUtils.hasText(param.name()) ? param.name() : p.getParameterName());
      return false;
    }
    boolean form =
        p.hasParameterAnnotation(ModelAttribute.class)
            || java.util.Arrays.stream(p.getParameterAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals("ParameterObject"));
    if (p.hasParameterAnnotation(PathVariable.class)
        || (p.getParameterAnnotations().length > 0 && !form)) {
      return false; // path variables, principals, headers, request bodies, cookies
    }
    if (BeanUtils.isSimpleProperty(type)) {
      if (type != Locale.class && type != TimeZone.class && p.getParameterName() != null) {
        names.add(p.getParameterName()); // bound like an unannotated @RequestParam
      }
      return false;
    }
    if (!type.getName().startsWith("org.coopera.")) {
      return false; // the request, the response, the model, redirect attributes, ...
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(c.getName());
      }
    } else {
      for (var d : BeanUtils.getPropertyDescriptors(type)) {
        if (d.getWriteMethod() != null) {
          names.add(d.getName());
        }
      }
    }
    return false;
  }
}
