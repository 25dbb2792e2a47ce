package org.coopera.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.coopera.platform.Languages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The language of each page: the one the person chose with the switcher (remembered in a cookie for
 * a year), otherwise the best match of the browser's Accept-Language among the supported ones.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final String LANGUAGE_PARAMETER = "lang";
  static final String LANGUAGE_COOKIE = "coopera-lang";

  private final WebProperties properties;
  private final ApplicationEventPublisher events;

  WebConfiguration(WebProperties properties, ApplicationEventPublisher events) {
    this.properties = properties;
    this.events = events;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * No rewriting of every link through the resource chain. Spring Boot registers this filter
   * because the WebJars locator is present; it then looked each link of a page (a search page has
   * hundreds) up in the classpath's static folders, in the jar, and kept only what it found: a
   * sixth of a search page's time at a million recommendations. The WebJars' version-less paths are
   * resolved where they are served, so the links need no rewriting.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  LocaleResolver localeResolver() {
    List<Locale> supported = supportedLocales();
    CookieLocaleResolver resolver =
        new CookieLocaleResolver(LANGUAGE_COOKIE) {
          @Override
          public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
            Locale resolved = super.resolveLocale(request);
            return supported.stream()
                .filter(l -> l.getLanguage().equals(resolved.getLanguage()))
                .findFirst()
                .orElseGet(() -> bestMatch(request, supported));
          }
        };
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(request -> bestMatch(request, supported));
    return resolver;
  }

  private static Locale bestMatch(
      jakarta.servlet.http.HttpServletRequest request, List<Locale> supported) {
    String header = request.getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      try {
        List<String> tags =
            supported.stream().map(l -> l.stripExtensions().toLanguageTag()).toList();
        String match = Locale.lookupTag(Locale.LanguageRange.parse(header), tags);
        if (match != null) {
          return supported.get(tags.indexOf(match));
        }
      } catch (IllegalArgumentException ignored) {
        // a malformed header falls back to the default language
      }
    }
    return supported.get(0);
  }

  /**
   * The languages of the interface as locales, written as {@link Languages} writes them: Arabic
   * with Western Arabic digits ({@code ar-u-nu-latn}), so that pages, reports and mail read alike.
   */
  List<Locale> supportedLocales() {
    return properties.languages().stream().map(Languages::locale).toList();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new PageParametersResolver());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new NulParameterInterceptor());
    registry.addInterceptor(new SupportedLocaleChangeInterceptor(supportedLocales(), events));
  }
}
