package org.coopera.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coopera.support.CooperaIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on its own embedded PostgreSQL, as {@link CooperaIntegrationTest} starts
 * it, but with Hibernate's statistics off (the test profile turns them on; production does not),
 * and closed after the class so that each benchmark starts from the demo data alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CooperaIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@interface BenchmarkApplication {}
