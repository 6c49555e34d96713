from lib import t, lines

# Persona: offshore QA contractor (English is second language). Short, direct, sometimes
# ungrammatical messages, occasionally uses the wrong term (says "unit test" for Selenium,
# "jmeter script" for Gatling, "coverage" for pass rate), pastes whatever the client sent.
# Daily stack: Java/Spring Boot services, Selenium + TestNG, Postman/newman collections,
# Android (Kotlin, Espresso), JMeter/Gatling for load.

t('simple', 'test-generation',
  'Pls write junit5 test for this class. Client want all branch covered, its small one.',
  files=[('src/main/java/com/acme/crm/util/PhoneMasker.java', r'''
package com.acme.crm.util;

public final class PhoneMasker {

    private PhoneMasker() {}

    /**
     * Masks a phone number keeping country code and last 3 digits.
     * "+919876543210" -> "+91*******210"
     */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.length() <= 5) {
            return digits;
        }
        int keepStart = digits.startsWith("+") ? 3 : 0;
        int keepEnd = 3;
        StringBuilder sb = new StringBuilder();
        sb.append(digits, 0, keepStart);
        for (int i = keepStart; i < digits.length() - keepEnd; i++) {
            sb.append('*');
        }
        sb.append(digits.substring(digits.length() - keepEnd));
        return sb.toString();
    }
}
''')],
  reqs=['JUnit 5 only, no mockito needed', 'use @ParameterizedTest where possible'],
  lang='java', fw='junit5')

t('complex', 'defect-analysis',
  'Client say some customer get charged two time for same order. Only happen when network is slow, '
  'cannot reproduce in QA env. Logs from order-service and payment-service attach plus the code. Find why pls.',
  files=[
    ('order-service/src/main/java/com/acme/order/client/PaymentClient.java', r'''
package com.acme.order.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@FeignClient(name = "payment-service", configuration = PaymentClientConfig.class)
public interface PaymentClient {

    @PostMapping("/api/payments/charge")
    ChargeResponse charge(@RequestBody ChargeRequest request);
}
'''),
    ('order-service/src/main/java/com/acme/order/client/PaymentClientConfig.java', r'''
package com.acme.order.client;

import feign.Request;
import feign.Retryer;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

public class PaymentClientConfig {

    @Bean
    public Request.Options options() {
        // connect 1s, read 3s
        return new Request.Options(1, TimeUnit.SECONDS, 3, TimeUnit.SECONDS, true);
    }

    @Bean
    public Retryer retryer() {
        // period 500ms, max period 2s, 3 attempts
        return new Retryer.Default(500, 2000, 3);
    }
}
'''),
    ('order-service/src/main/java/com/acme/order/service/CheckoutService.java', r'''
package com.acme.order.service;

import com.acme.order.client.ChargeRequest;
import com.acme.order.client.ChargeResponse;
import com.acme.order.client.PaymentClient;
import com.acme.order.domain.Order;
import com.acme.order.domain.OrderStatus;
import com.acme.order.repo.OrderRepository;
import feign.RetryableException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class CheckoutService {

    private final OrderRepository orders;
    private final PaymentClient paymentClient;

    @Transactional
    public Order pay(Long orderId, String cardToken) {
        Order order = orders.findById(orderId).orElseThrow();
        if (order.getStatus() == OrderStatus.PAID) {
            return order;
        }
        order.setStatus(OrderStatus.PAYMENT_IN_PROGRESS);
        try {
            ChargeResponse resp = paymentClient.charge(
                new ChargeRequest(order.getId(), order.getTotal(), order.getCurrency(), cardToken));
            order.setStatus(OrderStatus.PAID);
            order.setPaymentRef(resp.getProviderRef());
        } catch (RetryableException ex) {
            order.setStatus(OrderStatus.PAYMENT_FAILED);
        }
        return orders.save(order);
    }
}
'''),
    ('payment-service/src/main/java/com/acme/payment/web/ChargeController.java', r'''
package com.acme.payment.web;

import com.acme.payment.provider.ProviderGateway;
import com.acme.payment.repo.ChargeRepository;
import com.acme.payment.domain.Charge;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/payments")
@RequiredArgsConstructor
public class ChargeController {

    private final ProviderGateway provider;
    private final ChargeRepository charges;

    @PostMapping("/charge")
    public ChargeResponse charge(@RequestBody ChargeRequest req) {
        // provider call takes 2-6 seconds in prod
        String ref = provider.charge(req.getCardToken(), req.getAmount(), req.getCurrency());
        Charge c = charges.save(new Charge(req.getOrderId(), req.getAmount(), ref));
        return new ChargeResponse(c.getId(), ref, "CAPTURED");
    }
}
'''),
    ('logs/order-service.log', r'''
2024-03-14 19:02:11.201 INFO  [order-service,6f1a2c] c.a.o.service.CheckoutService : pay orderId=88213
2024-03-14 19:02:14.207 DEBUG [order-service,6f1a2c] feign.Logger : [PaymentClient#charge] <--- ERROR SocketTimeoutException: Read timed out (3005ms)
2024-03-14 19:02:14.709 DEBUG [order-service,6f1a2c] feign.Logger : [PaymentClient#charge] ---> RETRYING
2024-03-14 19:02:14.710 DEBUG [order-service,6f1a2c] feign.Logger : [PaymentClient#charge] ---> POST http://payment-service/api/payments/charge HTTP/1.1
2024-03-14 19:02:16.933 DEBUG [order-service,6f1a2c] feign.Logger : [PaymentClient#charge] <--- HTTP/1.1 200 (2223ms)
2024-03-14 19:02:16.951 INFO  [order-service,6f1a2c] c.a.o.service.CheckoutService : order 88213 status=PAID ref=ch_3OuX9
2024-03-14 19:05:40.118 INFO  [order-service,91bd07] c.a.o.service.CheckoutService : pay orderId=88240
2024-03-14 19:05:43.120 DEBUG [order-service,91bd07] feign.Logger : [PaymentClient#charge] <--- ERROR SocketTimeoutException: Read timed out (3001ms)
2024-03-14 19:05:43.622 DEBUG [order-service,91bd07] feign.Logger : [PaymentClient#charge] ---> RETRYING
2024-03-14 19:05:46.624 DEBUG [order-service,91bd07] feign.Logger : [PaymentClient#charge] <--- ERROR SocketTimeoutException: Read timed out (3001ms)
2024-03-14 19:05:47.626 DEBUG [order-service,91bd07] feign.Logger : [PaymentClient#charge] ---> RETRYING
2024-03-14 19:05:50.629 DEBUG [order-service,91bd07] feign.Logger : [PaymentClient#charge] <--- ERROR SocketTimeoutException: Read timed out (3002ms)
2024-03-14 19:05:50.633 WARN  [order-service,91bd07] c.a.o.service.CheckoutService : order 88240 status=PAYMENT_FAILED
2024-03-14 19:05:58.010 INFO  [order-service,a2c441] c.a.o.service.CheckoutService : pay orderId=88240
2024-03-14 19:06:00.412 INFO  [order-service,a2c441] c.a.o.service.CheckoutService : order 88240 status=PAID ref=ch_3OuXq
'''),
    ('logs/payment-service.log', r'''
2024-03-14 19:02:11.215 INFO  [payment-service,6f1a2c] c.a.p.web.ChargeController : charge orderId=88213 amount=149.90 EUR
2024-03-14 19:02:14.720 INFO  [payment-service,6f1a2c] c.a.p.web.ChargeController : charge orderId=88213 amount=149.90 EUR
2024-03-14 19:02:15.480 INFO  [payment-service,6f1a2c] c.a.p.provider.ProviderGateway : captured ref=ch_3OuX2 orderId=88213
2024-03-14 19:02:16.930 INFO  [payment-service,6f1a2c] c.a.p.provider.ProviderGateway : captured ref=ch_3OuX9 orderId=88213
2024-03-14 19:05:40.131 INFO  [payment-service,91bd07] c.a.p.web.ChargeController : charge orderId=88240 amount=39.00 EUR
2024-03-14 19:05:43.630 INFO  [payment-service,91bd07] c.a.p.web.ChargeController : charge orderId=88240 amount=39.00 EUR
2024-03-14 19:05:44.902 INFO  [payment-service,91bd07] c.a.p.provider.ProviderGateway : captured ref=ch_3OuXa orderId=88240
2024-03-14 19:05:47.633 INFO  [payment-service,91bd07] c.a.p.web.ChargeController : charge orderId=88240 amount=39.00 EUR
2024-03-14 19:05:48.100 INFO  [payment-service,91bd07] c.a.p.provider.ProviderGateway : captured ref=ch_3OuXe orderId=88240
2024-03-14 19:05:49.377 INFO  [payment-service,91bd07] c.a.p.provider.ProviderGateway : captured ref=ch_3OuXj orderId=88240
2024-03-14 19:05:58.022 INFO  [payment-service,a2c441] c.a.p.web.ChargeController : charge orderId=88240 amount=39.00 EUR
2024-03-14 19:06:00.401 INFO  [payment-service,a2c441] c.a.p.provider.ProviderGateway : captured ref=ch_3OuXq orderId=88240
'''),
  ],
  reqs=['explain root cause in simple words for client', 'suggest fix on both services', 'say which test we should add so it not come back'],
  lang='java', fw='spring-boot')

t('medium', 'flaky-test-analysis',
  'This selenium unit test failing 1 time from 5 on jenkins. On my laptop always green. '
  'Nobody touch the code. Test and jenkins console attach, what is problem?',
  files=[
    ('src/test/java/com/acme/shop/ui/CheckoutPageTest.java', r'''
package com.acme.shop.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.Assert;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.List;

public class CheckoutPageTest extends BaseUiTest {

    @Test
    public void applyCouponUpdatesTotal() {
        driver.get(baseUrl + "/cart");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        List<WebElement> rows = wait.until(
            ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("tr.cart-row")));
        Assert.assertEquals(rows.size(), 2);

        driver.findElement(By.id("coupon")).sendKeys("SPRING10");
        driver.findElement(By.id("apply-coupon")).click();

        // total is re-rendered by ajax after coupon apply
        WebElement total = driver.findElement(By.cssSelector("#summary .total"));
        wait.until(ExpectedConditions.textToBePresentInElement(total, "€"));

        String first = rows.get(0).findElement(By.cssSelector(".price")).getText();
        Assert.assertEquals(first, "€ 18,00");
        Assert.assertEquals(total.getText(), "€ 40,50");
    }
}
'''),
    ('jenkins/console-build-1187.txt', r'''
[INFO] Running com.acme.shop.ui.CheckoutPageTest
Starting ChromeDriver 122.0.6261.94 on port 41877
[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 6.412 s <<< FAILURE! - in com.acme.shop.ui.CheckoutPageTest
[ERROR] applyCouponUpdatesTotal(com.acme.shop.ui.CheckoutPageTest)  Time elapsed: 5.87 s  <<< ERROR!
org.openqa.selenium.StaleElementReferenceException: stale element reference: stale element not found
  (Session info: chrome-headless-shell=122.0.6261.94)
For documentation on this error, please visit: https://selenium.dev/exceptions/#stale_element_reference
Build info: version: '4.18.1', revision: 'b1d3319b48'
Driver info: org.openqa.selenium.chrome.ChromeDriver
Element: [[ChromeDriver: chrome on linux (9c1e0f5d3b)] -> css selector: #summary .total]
	at com.acme.shop.ui.CheckoutPageTest.applyCouponUpdatesTotal(CheckoutPageTest.java:34)
[INFO] Results:
[ERROR] Errors:
[ERROR]   CheckoutPageTest.applyCouponUpdatesTotal:34 StaleElementReference stale element ...
[INFO] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0
'''),
  ],
  reqs=['tell me how to fix the test, not add Thread.sleep'],
  lang='java', fw='selenium')

t('simple', 'test-execution',
  'run mvn test only for user-service module and send me which test fail with error message. no need to fix anything',
  lang='java', fw='junit5')

# why: coverage-gap analysis across one package where the client wants priority by risk, not by lowest %: medium
t('medium', 'coverage-analysis',
  'Coverage of billing package is 61% only, client want 80% before UAT. Jacoco csv attach. '
  'Dont just give me lowest numbers, tell which gaps is important to test first, we dont have time for all.',
  files=[
    ('target/site/jacoco/billing.csv', r'''
GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
billing,com.acme.billing,InvoiceService,212,388,21,25,41,83,18,22,3,14
billing,com.acme.billing,InvoiceNumberGenerator,0,64,0,4,0,14,0,5,0,3
billing,com.acme.billing,TaxCalculator,146,90,19,7,30,19,14,5,2,4
billing,com.acme.billing,ProrationCalculator,188,22,24,2,37,5,15,2,4,1
billing,com.acme.billing,CreditNoteService,160,40,14,2,33,9,10,3,5,2
billing,com.acme.billing,InvoicePdfRenderer,310,12,6,0,58,3,9,1,7,1
billing,com.acme.billing,CurrencyFormatter,8,70,1,9,2,16,1,7,0,4
billing,com.acme.billing,DunningScheduler,94,30,11,3,21,7,9,2,3,2
billing,com.acme.billing,InvoiceController,40,150,3,9,8,31,3,10,1,8
billing,com.acme.billing,InvoiceMapper,0,120,0,2,0,28,0,9,0,8
billing,com.acme.billing,BillingProperties,12,20,0,0,6,8,3,5,3,5
billing,com.acme.billing,RefundPolicy,52,18,9,1,12,4,6,1,1,1
'''),
    ('src/main/java/com/acme/billing/ProrationCalculator.java', r'''
package com.acme.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

public class ProrationCalculator {

    public BigDecimal prorate(BigDecimal monthlyPrice, LocalDate periodStart, LocalDate periodEnd,
                              LocalDate changeDate, boolean upgrade) {
        if (changeDate.isBefore(periodStart) || changeDate.isAfter(periodEnd)) {
            throw new IllegalArgumentException("change date outside period");
        }
        long totalDays = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
        long remaining = ChronoUnit.DAYS.between(changeDate, periodEnd) + 1;
        if (remaining == totalDays) {
            return upgrade ? monthlyPrice : monthlyPrice.negate();
        }
        BigDecimal ratio = BigDecimal.valueOf(remaining)
            .divide(BigDecimal.valueOf(totalDays), 6, RoundingMode.HALF_UP);
        BigDecimal amount = monthlyPrice.multiply(ratio).setScale(2, RoundingMode.HALF_EVEN);
        if (!upgrade) {
            amount = amount.negate();
        }
        if (amount.abs().compareTo(new BigDecimal("0.50")) < 0) {
            return BigDecimal.ZERO;
        }
        return amount;
    }
}
'''),
  ],
  reqs=['give top 5 with reason', 'InvoicePdfRenderer can be excluded if you think ok'],
  lang='java', fw='junit5')

t('complex', 'security-scan',
  'Pentest company is coming next month. Please check our login part before they find something, '
  'client will be angry if they find.',
  files=[
    ('src/main/java/com/acme/portal/security/SecurityConfig.java', r'''
package com.acme.portal.security;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

@Configuration
@RequiredArgsConstructor
public class SecurityConfig {

    private final JwtAuthFilter jwtAuthFilter;

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http
            .csrf(csrf -> csrf.disable())
            .cors(cors -> {})
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/auth/**").permitAll()
                .requestMatchers("/api/public/**", "/api/*/export").permitAll()
                .requestMatchers("/actuator/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .addFilterBefore(jwtAuthFilter, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
'''),
    ('src/main/java/com/acme/portal/security/JwtAuthFilter.java', r'''
package com.acme.portal.security;

import io.jsonwebtoken.Claims;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

@Component
@RequiredArgsConstructor
public class JwtAuthFilter extends OncePerRequestFilter {

    private final JwtUtil jwtUtil;

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        String token = null;
        if (header != null && header.startsWith("Bearer ")) {
            token = header.substring(7);
        } else if (req.getParameter("access_token") != null) {
            token = req.getParameter("access_token");
        }
        if (token != null) {
            try {
                Claims claims = jwtUtil.readClaims(token);
                String role = claims.get("role", String.class);
                var auth = new UsernamePasswordAuthenticationToken(
                    claims.getSubject(), null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
                SecurityContextHolder.getContext().setAuthentication(auth);
            } catch (Exception e) {
                logger.warn("bad token " + token + " : " + e.getMessage());
            }
        }
        chain.doFilter(req, res);
    }
}
'''),
    ('src/main/java/com/acme/portal/security/JwtUtil.java', r'''
package com.acme.portal.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import org.springframework.stereotype.Component;

import java.util.Date;

@Component
public class JwtUtil {

    private static final String SECRET = "portal-secret-2023";
    private static final long EXPIRY_MS = 30L * 24 * 60 * 60 * 1000;

    public String issue(String username, String role) {
        return Jwts.builder()
            .setSubject(username)
            .claim("role", role)
            .setIssuedAt(new Date())
            .setExpiration(new Date(System.currentTimeMillis() + EXPIRY_MS))
            .signWith(SignatureAlgorithm.HS256, SECRET.getBytes())
            .compact();
    }

    public Claims readClaims(String token) {
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        try {
            return Jwts.parser().setSigningKey(SECRET.getBytes()).parseClaimsJws(token).getBody();
        } catch (io.jsonwebtoken.security.SignatureException e) {
            // old mobile app versions send token signed with previous key, accept for now
            return Jwts.parser().parseClaimsJwt(unsigned).getBody();
        }
    }
}
'''),
    ('src/main/java/com/acme/portal/web/AuthController.java', r'''
package com.acme.portal.web;

import com.acme.portal.security.JwtUtil;
import com.acme.portal.user.User;
import com.acme.portal.user.UserRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

@RestController
@RequestMapping("/api/auth")
@RequiredArgsConstructor
public class AuthController {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final JwtUtil jwt;

    @PostMapping("/login")
    public ResponseEntity<?> login(@RequestBody Map<String, String> body) {
        User u = users.findByEmail(body.get("email")).orElse(null);
        if (u == null) {
            return ResponseEntity.status(404).body(Map.of("error", "user not found"));
        }
        if (!encoder.matches(body.get("password"), u.getPasswordHash())) {
            return ResponseEntity.status(401).body(Map.of("error", "wrong password"));
        }
        String role = body.getOrDefault("role", u.getRole());
        return ResponseEntity.ok(Map.of("token", jwt.issue(u.getEmail(), role)));
    }
}
'''),
  ],
  reqs=['list findings with severity', 'for each one write how pentester would exploit in 1-2 line', 'suggest fix code'],
  lang='java', fw='spring-boot')

t('simple', 'quality-gate',
  'Client release rule is: 0 test failed, 0 error, skipped must be less than 5. Below is surefire result from last night. Pass or fail? just answer with reason.',
  files=[('reports/surefire-summary.txt', r'''
[INFO] Results:
[INFO]
[WARNING] Tests run: 842, Failures: 0, Errors: 0, Skipped: 7
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] Reactor Summary for acme-platform 3.4.0-SNAPSHOT:
[INFO]
[INFO] acme-common ........................................ SUCCESS [  8.114 s]
[INFO] user-service ....................................... SUCCESS [ 41.902 s]
[INFO] catalog-service .................................... SUCCESS [ 37.225 s]
[INFO] order-service ...................................... SUCCESS [ 55.610 s]
[INFO] notification-service ............................... SUCCESS [ 12.048 s]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD SUCCESS
[INFO] ------------------------------------------------------------------------
''')],
  lang=None)

t('medium', 'performance-testing',
  'Need jmeter script but in gatling java for catalog-service: user login, search product, open detail, add in cart. '
  '50 user ramp in 2 min then hold 10 min. Users from csv. Client gave me the endpoints below.',
  files=[
    ('docs/catalog-endpoints.md', r'''
POST /api/auth/login            body {"email":..,"password":..}  -> {"token": "..."}
GET  /api/products?q={term}&page=0&size=20   (Bearer)          -> {"content":[{"id":..,"name":..}], "totalElements":..}
GET  /api/products/{id}         (Bearer)                        -> product json, 404 if not found
POST /api/cart/items            (Bearer) body {"productId":..,"qty":1} -> 201, 409 if out of stock
SLA: p95 < 800 ms for search and detail, < 1200 ms for cart, error rate < 1%
'''),
    ('src/test/resources/data/users.csv', r'''
email,password
perf.user01@acme-test.io,Test#2024a
perf.user02@acme-test.io,Test#2024a
perf.user03@acme-test.io,Test#2024a
perf.user04@acme-test.io,Test#2024a
perf.user05@acme-test.io,Test#2024a
'''),
    ('src/test/resources/data/search_terms.csv', r'''
term
shoes
laptop bag
coffee
usb-c cable
winter jacket
'''),
  ],
  reqs=['Gatling 3.10 java DSL', 'pick random product id from search result', 'add assertions for the SLA', '409 on cart is not error for us'],
  lang='java', fw='gatling')

t('simple', 'defect-analysis',
  'Getting NPE in prod from yesterday, full stacktrace client sent below and the method. Why null?',
  files=[
    ('logs/prod-error.log', '2024-05-02 10:14:55.307 ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet] : '
     'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception '
     '[Request processing failed: java.lang.NullPointerException: Cannot invoke "String.trim()" because '
     '"customer.getMiddleName()" is null] with root cause\n\n'
     'java.lang.NullPointerException: Cannot invoke "String.trim()" because the return value of '
     '"com.acme.crm.customer.Customer.getMiddleName()" is null\n'
     '\tat com.acme.crm.customer.CustomerNameFormatter.fullName(CustomerNameFormatter.java:14)\n'
     '\tat com.acme.crm.customer.CustomerDtoMapper.toDto(CustomerDtoMapper.java:27)\n'
     '\tat com.acme.crm.customer.CustomerController.get(CustomerController.java:41)\n'
     + lines(60, lambda i: [
        '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
        '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)',
        '\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1011)',
        '\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)',
        '\tat org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)',
        '\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)',
     ][i % 6]) + '\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n'),
    ('src/main/java/com/acme/crm/customer/CustomerNameFormatter.java', r'''
package com.acme.crm.customer;

public final class CustomerNameFormatter {

    private CustomerNameFormatter() {}

    public static String fullName(Customer customer) {
        if (customer == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(customer.getFirstName().trim());
        sb.append(' ');
        sb.append(customer.getMiddleName().trim());
        sb.append(' ');
        sb.append(customer.getLastName().trim());
        return sb.toString().replaceAll("\\s+", " ").trim();
    }
}
'''),
  ],
  reqs=['small fix only', 'one junit test for it'],
  lang='java', fw='junit5')

t('complex', 'test-generation',
  'Android app order tracking screen use this class for status. Client found bugs 3 times already in this. '
  'Write unit tests that really cover it, not only happy path.',
  files=[('app/src/main/java/com/acme/delivery/order/OrderStateMachine.kt', r'''
package com.acme.delivery.order

enum class OrderState {
    CREATED, PAYMENT_PENDING, PAID, ACCEPTED, PREPARING, READY_FOR_PICKUP,
    COURIER_ASSIGNED, PICKED_UP, DELIVERED, CANCELLED, REFUND_PENDING, REFUNDED, FAILED
}

sealed class OrderEvent {
    object SubmitPayment : OrderEvent()
    data class PaymentResult(val success: Boolean) : OrderEvent()
    object RestaurantAccept : OrderEvent()
    object RestaurantReject : OrderEvent()
    object StartPreparing : OrderEvent()
    object FoodReady : OrderEvent()
    data class CourierAssigned(val courierId: String) : OrderEvent()
    object CourierUnassigned : OrderEvent()
    object PickedUp : OrderEvent()
    object Delivered : OrderEvent()
    data class CustomerCancel(val minutesSinceCreated: Int) : OrderEvent()
    object RefundDone : OrderEvent()
}

class IllegalTransition(val from: OrderState, val event: OrderEvent) :
    IllegalStateException("Cannot apply $event in $from")

class OrderStateMachine(initial: OrderState = OrderState.CREATED) {

    var state: OrderState = initial
        private set
    var courierId: String? = null
        private set
    private val history = mutableListOf(initial)
    val transitions: List<OrderState> get() = history.toList()

    fun apply(event: OrderEvent): OrderState {
        val next = when (state) {
            OrderState.CREATED -> when (event) {
                OrderEvent.SubmitPayment -> OrderState.PAYMENT_PENDING
                is OrderEvent.CustomerCancel -> OrderState.CANCELLED
                else -> null
            }
            OrderState.PAYMENT_PENDING -> when (event) {
                is OrderEvent.PaymentResult -> if (event.success) OrderState.PAID else OrderState.FAILED
                else -> null
            }
            OrderState.PAID -> when (event) {
                OrderEvent.RestaurantAccept -> OrderState.ACCEPTED
                OrderEvent.RestaurantReject -> OrderState.REFUND_PENDING
                is OrderEvent.CustomerCancel -> OrderState.REFUND_PENDING
                else -> null
            }
            OrderState.ACCEPTED -> when (event) {
                OrderEvent.StartPreparing -> OrderState.PREPARING
                is OrderEvent.CourierAssigned -> { courierId = event.courierId; OrderState.ACCEPTED }
                is OrderEvent.CustomerCancel ->
                    if (event.minutesSinceCreated <= 5) OrderState.REFUND_PENDING else null
                else -> null
            }
            OrderState.PREPARING -> when (event) {
                OrderEvent.FoodReady -> if (courierId != null) OrderState.COURIER_ASSIGNED else OrderState.READY_FOR_PICKUP
                is OrderEvent.CourierAssigned -> { courierId = event.courierId; OrderState.PREPARING }
                else -> null
            }
            OrderState.READY_FOR_PICKUP -> when (event) {
                is OrderEvent.CourierAssigned -> { courierId = event.courierId; OrderState.COURIER_ASSIGNED }
                else -> null
            }
            OrderState.COURIER_ASSIGNED -> when (event) {
                OrderEvent.PickedUp -> OrderState.PICKED_UP
                OrderEvent.CourierUnassigned -> { courierId = null; OrderState.READY_FOR_PICKUP }
                else -> null
            }
            OrderState.PICKED_UP -> when (event) {
                OrderEvent.Delivered -> OrderState.DELIVERED
                else -> null
            }
            OrderState.REFUND_PENDING -> when (event) {
                OrderEvent.RefundDone -> OrderState.REFUNDED
                else -> null
            }
            OrderState.DELIVERED, OrderState.CANCELLED, OrderState.REFUNDED, OrderState.FAILED -> null
        } ?: throw IllegalTransition(state, event)

        if (next != state) history += next
        state = next
        return state
    }

    val isTerminal: Boolean
        get() = state in setOf(OrderState.DELIVERED, OrderState.CANCELLED, OrderState.REFUNDED, OrderState.FAILED)
}
''')],
  reqs=['JUnit4 + truth is what project use', 'every state x every event should be checked somehow', 'check history and courierId also'],
  lang='kotlin', fw='junit4')

# why: one config file with well-known Spring misconfigurations to spot; no auth or crypto code to reason about: medium
t('medium', 'security-scan',
  'Before go live client ask security review of our prod config. Is this ok? Please mark what is dangerous.',
  files=[('src/main/resources/application-prod.yml', r'''
server:
  port: 8080
  error:
    include-stacktrace: always
    include-message: always
  servlet:
    session:
      cookie:
        secure: false
        http-only: false

spring:
  datasource:
    url: jdbc:postgresql://db-prod.internal:5432/portal?sslmode=disable
    username: portal_app
    password: Portal@Prod2024
  jpa:
    show-sql: true
    hibernate:
      ddl-auto: update
  h2:
    console:
      enabled: true
      settings:
        web-allow-others: true
  servlet:
    multipart:
      max-file-size: 500MB
      max-request-size: 500MB

management:
  endpoints:
    web:
      exposure:
        include: "*"
  endpoint:
    env:
      show-values: ALWAYS
    heapdump:
      enabled: true
    shutdown:
      enabled: true

logging:
  level:
    root: INFO
    org.springframework.security: DEBUG
    org.hibernate.type.descriptor.sql: TRACE

app:
  cors:
    allowed-origins: "*"
    allow-credentials: true
  jwt:
    secret: change-me-later
  swagger:
    enabled: true
''')],
  reqs=['severity high/medium/low', 'write fixed yml'],
  lang='yaml', fw='spring-boot')

# why: a 15-line test with a hardcoded year; the cause is visible in one line, no async or concurrency: simple
t('simple', 'flaky-test-analysis',
  'This test was green all last year, now failing since 1 January. No code change in that class. why?',
  files=[('src/test/java/com/acme/hr/LeaveBalanceTest.java', r'''
package com.acme.hr;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeaveBalanceTest {

    @Test
    void joinedThisYearGetsProRataLeave() {
        LeaveBalance lb = new LeaveBalance();
        Employee e = new Employee("E-1001", LocalDate.of(2023, 7, 1));
        // 24 days per year, joined 1 July -> 12 days
        assertEquals(12, lb.annualEntitlement(e, LocalDate.now().getYear()));
    }
}
''')],
  lang='java', fw='junit5')

t('complex', 'performance-testing',
  'Client big sale is in 6 week. Last year site go down in first 20 minute. They want we plan the load test '
  'for everything, mobile app and web. I attach what they send. Tell me what test to do, how much users, which scenario, '
  'what to monitor. I have jmeter and 4 VM only.',
  files=[
    ('docs/architecture.txt', r'''
Clients: Android app (60% traffic), iOS app (25%), web SPA (15%)
Edge: Cloudflare -> AWS ALB -> Spring Cloud Gateway (2 pods, autoscale to 6)
Services (Spring Boot 3, k8s, HPA on CPU 70%):
  auth-service        - JWT issue/refresh, Redis sessions
  catalog-service     - Elasticsearch for search, Postgres for product master, Redis cache (TTL 5 min)
  pricing-service     - calls promotion rules engine, heavy CPU, cached per sku+segment
  cart-service        - Redis only
  order-service       - Postgres (primary + 1 read replica), publishes OrderCreated to Kafka
  inventory-service   - consumes OrderCreated, reserves stock, Postgres row locks per sku
  payment-service     - calls external PSP (rate limit 300 req/s from PSP side), webhook callback
  notification-service- consumes Kafka, sends push via FCM and email via SES
Batch: price import job runs every 30 min, rebuilds ES index partially
Known pain: last sale the Postgres of inventory had 100% CPU, order-service threads all blocked on Hikari
'''),
    ('data/last-sale-traffic.csv', 'minute,sessions_started,search_rps,product_view_rps,add_to_cart_rps,checkout_rps,errors_5xx_pct\n'
     + lines(40, lambda i: '%d,%d,%d,%d,%d,%d,%.1f' % (
        i, 9000 + i * 1400 if i < 12 else 26000 - (i - 12) * 300,
        300 + i * 85 if i < 15 else 1500 - (i - 15) * 20,
        520 + i * 130 if i < 15 else 2400 - (i - 15) * 30,
        60 + i * 22 if i < 15 else 390 - (i - 15) * 6,
        8 + i * 6 if i < 16 else 104 - (i - 16) * 2,
        0.2 if i < 9 else (min(38.0, 0.2 + (i - 9) * 4.1) if i < 22 else 12.5)))),
    ('docs/sale-expectations.txt', r'''
Marketing expects 2.5x of last year peak sessions.
Flash deals every full hour: 20 SKUs with 500 units each, push notification to 1.2M devices at HH:00.
Must: checkout p95 < 2s, search p95 < 1s, no overselling, payment error < 0.5%.
PSP sandbox allows only 50 req/s. Production data copy in staging is 3 months old, staging is 1/3 size of prod.
'''),
  ],
  reqs=['give test types (baseline, ramp, spike, soak...) and why each', 'workload model with numbers from the csv',
        'how to handle PSP limit and flash deal stock in test', 'what to monitor per service'],
  lang=None, fw='jmeter')

# why: running one collection with env and data file and grouping failures needs some handling of token chaining, still one service: medium
t('medium', 'test-execution',
  'Please run this postman collection with newman on staging, iterate the data file. Give me report by folder which request fail and why (status or which assertion).',
  files=[
    ('postman/customer-api.postman_collection.json', r'''
{
  "info": { "name": "Customer API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [
    { "name": "Auth", "item": [
      { "name": "Login", "request": { "method": "POST", "url": "{{baseUrl}}/api/auth/login",
        "body": { "mode": "raw", "raw": "{\"email\":\"{{email}}\",\"password\":\"{{password}}\"}" } },
        "event": [{ "listen": "test", "script": { "exec": [
          "pm.test('login 200', () => pm.response.to.have.status(200));",
          "pm.collectionVariables.set('token', pm.response.json().token);" ] } }] }
    ]},
    { "name": "Customers", "item": [
      { "name": "Create customer", "request": { "method": "POST", "url": "{{baseUrl}}/api/customers",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }],
        "body": { "mode": "raw", "raw": "{\"name\":\"{{name}}\",\"country\":\"{{country}}\",\"vatId\":\"{{vatId}}\"}" } },
        "event": [{ "listen": "test", "script": { "exec": [
          "pm.test('created', () => pm.response.to.have.status(201));",
          "pm.collectionVariables.set('customerId', pm.response.json().id);" ] } }] },
      { "name": "Get customer", "request": { "method": "GET", "url": "{{baseUrl}}/api/customers/{{customerId}}",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }] },
        "event": [{ "listen": "test", "script": { "exec": [
          "pm.test('200', () => pm.response.to.have.status(200));",
          "pm.test('vat normalised', () => pm.expect(pm.response.json().vatId).to.eql(pm.iterationData.get('expectedVat')));" ] } }] }
    ]},
    { "name": "Cleanup", "item": [
      { "name": "Delete customer", "request": { "method": "DELETE", "url": "{{baseUrl}}/api/customers/{{customerId}}",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }] },
        "event": [{ "listen": "test", "script": { "exec": [ "pm.test('204', () => pm.response.to.have.status(204));" ] } }] }
    ]}
  ]
}
'''),
    ('postman/staging.postman_environment.json', r'''
{ "name": "staging", "values": [
  { "key": "baseUrl", "value": "https://api.staging.acme-test.io", "enabled": true },
  { "key": "email", "value": "qa.bot@acme-test.io", "enabled": true },
  { "key": "password", "value": "fake-Passw0rd-for-docs", "enabled": true }
] }
'''),
    ('postman/customers-data.csv', r'''
name,country,vatId,expectedVat
Muller GmbH,DE,de 123456789,DE123456789
Rossi Srl,IT,IT12345678901,IT12345678901
Dupont SA,FR,FR 40 303265045,FR40303265045
Empty Vat Ltd,GB,,
Nowak Sp. z o.o.,PL,PL-526-000-12-46,PL5260001246
'''),
  ],
  reqs=['newman cli with htmlextra reporter', 'if one iteration fail dont stop others'],
  lang='javascript', fw='newman')

t('simple', 'coverage-analysis',
  'From this jacoco summary give me list of all classes under 50% line coverage, sorted lowest first. Only the list, client will paste in excel.',
  files=[('reports/jacoco-summary.txt', 'CLASS                                              LINE%   BRANCH%\n'
     + lines(64, lambda i: '%-50s %5.1f   %5.1f' % (
        'com.acme.' + ['user', 'order', 'catalog', 'notify'][i % 4] + '.'
        + ['User', 'Order', 'Catalog', 'Notification'][i % 4]
        + ['Controller', 'Service', 'Repository', 'Mapper', 'Validator', 'Client', 'Config', 'Scheduler'][(i // 4) % 8]
        + ['', 'V2', 'Impl', 'Helper'][(i // 32) % 2 + (i % 2) * 2],
        (i * 37 + 11) % 100 + 0.4, (i * 53 + 7) % 100 + 0.0)))],
  lang='java', fw='jacoco')

t('medium', 'defect-analysis',
  'Android users from Saudi and Egypt getting error when book appointment, other country fine. Backend return 400. '
  'Request log and code attach. Our QA phones all english so we never saw.',
  files=[
    ('logs/booking-api.log', r'''
2024-04-11 08:41:03.114 WARN  [booking-api,c81f] o.s.w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String "٢٠٢٤-٠٤-١٥T١٠:٣٠": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text '٢٠٢٤-٠٤-١٥T١٠:٣٠' could not be parsed at index 0]
2024-04-11 08:41:03.115 INFO  [booking-api,c81f] c.a.b.web.RequestLoggingFilter : POST /api/appointments 400 ua="AcmeClinic/5.2.1 (Android 13; SM-A536E; ar_EG)"
2024-04-11 08:52:47.902 INFO  [booking-api,d02a] c.a.b.web.RequestLoggingFilter : POST /api/appointments 201 ua="AcmeClinic/5.2.1 (Android 14; Pixel 7; en_GB)"
2024-04-11 09:03:19.560 WARN  [booking-api,e7b3] o.s.w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.math.BigDecimal` from String "١٥٠٫٠٠": not a valid representation]
2024-04-11 09:03:19.561 INFO  [booking-api,e7b3] c.a.b.web.RequestLoggingFilter : POST /api/appointments 400 ua="AcmeClinic/5.2.1 (Android 12; Redmi Note 11; ar_SA)"
2024-04-11 09:10:02.377 INFO  [booking-api,f11c] c.a.b.web.RequestLoggingFilter : POST /api/appointments 201 ua="AcmeClinic/5.2.1 (Android 14; SM-S911B; ar_MA)"
'''),
    ('app/src/main/java/com/acme/clinic/booking/BookingRequestBuilder.kt', r'''
package com.acme.clinic.booking

import java.math.BigDecimal
import java.text.DecimalFormat
import java.time.LocalDateTime
import java.util.Locale

data class BookingRequest(
    val doctorId: String,
    val slotStart: String,
    val fee: String,
    val notes: String?
)

class BookingRequestBuilder(private val locale: Locale = Locale.getDefault()) {

    private val feeFormat = DecimalFormat.getInstance(locale).apply {
        minimumFractionDigits = 2
        maximumFractionDigits = 2
        isGroupingUsed = false
    }

    fun build(doctorId: String, slot: LocalDateTime, fee: BigDecimal, notes: String?): BookingRequest =
        BookingRequest(
            doctorId = doctorId,
            slotStart = String.format(locale, "%04d-%02d-%02dT%02d:%02d",
                slot.year, slot.monthValue, slot.dayOfMonth, slot.hour, slot.minute),
            fee = feeFormat.format(fee),
            notes = notes?.trim()?.takeIf { it.isNotEmpty() }
        )
}
'''),
    ('booking-api/src/main/java/com/acme/booking/web/AppointmentRequest.java', r'''
package com.acme.booking.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record AppointmentRequest(
    @NotBlank String doctorId,
    @NotNull LocalDateTime slotStart,
    @NotNull BigDecimal fee,
    String notes) {
}
'''),
  ],
  reqs=['explain why ar_MA user works but ar_EG not', 'fix on app side and say if backend should also change', 'test cases for QA with device locale'],
  lang='kotlin', fw='junit4')

t('complex', 'flaky-test-analysis',
  'After we enable parallel in surefire to make build faster, random tests fail in notification-service. Each test alone is pass. '
  'Different test fail every build. Client dont want to go back to serial, build was 40 min. I attach the tests, service, config and 2 build logs.',
  files=[
    ('notification-service/pom-surefire-snippet.xml', r'''
<plugin>
  <groupId>org.apache.maven.plugins</groupId>
  <artifactId>maven-surefire-plugin</artifactId>
  <version>3.2.5</version>
  <configuration>
    <parallel>classes</parallel>
    <threadCount>4</threadCount>
    <forkCount>1</forkCount>
    <reuseForks>true</reuseForks>
  </configuration>
</plugin>
'''),
    ('notification-service/src/main/java/com/acme/notify/TemplateCache.java', r'''
package com.acme.notify;

import java.util.HashMap;
import java.util.Map;

public final class TemplateCache {

    private static final Map<String, String> CACHE = new HashMap<>();
    private static String defaultLocale = "en";

    private TemplateCache() {}

    public static void setDefaultLocale(String locale) { defaultLocale = locale; }

    public static String get(String key, String locale) {
        String l = locale != null ? locale : defaultLocale;
        return CACHE.get(key + ":" + l);
    }

    public static void put(String key, String locale, String body) { CACHE.put(key + ":" + locale, body); }

    public static void clear() { CACHE.clear(); }
}
'''),
    ('notification-service/src/main/java/com/acme/notify/NotificationService.java', r'''
package com.acme.notify;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@Service
@RequiredArgsConstructor
public class NotificationService {

    private final PushSender pushSender;
    private final ApplicationEventPublisher events;
    final List<String> sentLog = new CopyOnWriteArrayList<>();

    public void notifyOrderShipped(String userId, String orderId, String locale) {
        String tpl = TemplateCache.get("order_shipped", locale);
        if (tpl == null) {
            throw new IllegalStateException("template missing for " + locale);
        }
        sendAsync(userId, tpl.replace("{orderId}", orderId));
        events.publishEvent(new NotificationSentEvent(userId, orderId));
    }

    @Async
    public void sendAsync(String userId, String body) {
        pushSender.send(userId, body);
        sentLog.add(userId + "|" + body);
    }
}
'''),
    ('notification-service/src/test/java/com/acme/notify/NotificationServiceIT.java', r'''
package com.acme.notify;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

@SpringBootTest
class NotificationServiceIT {

    @Autowired NotificationService service;
    @MockBean PushSender pushSender;

    @BeforeEach
    void setUp() {
        TemplateCache.clear();
        TemplateCache.put("order_shipped", "en", "Your order {orderId} is on the way");
    }

    @Test
    void sendsPushWhenOrderShipped() {
        service.notifyOrderShipped("u-1", "o-77", null);
        verify(pushSender).send("u-1", "Your order o-77 is on the way");
        assertThat(service.sentLog).hasSize(1);
    }
}
'''),
    ('notification-service/src/test/java/com/acme/notify/LocaleFallbackTest.java', r'''
package com.acme.notify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleFallbackTest {

    @BeforeEach
    void setUp() {
        TemplateCache.clear();
        TemplateCache.setDefaultLocale("de");
        TemplateCache.put("order_shipped", "de", "Ihre Bestellung {orderId} ist unterwegs");
    }

    @AfterEach
    void tearDown() {
        TemplateCache.setDefaultLocale("en");
    }

    @Test
    void usesDefaultLocaleWhenNull() {
        assertThat(TemplateCache.get("order_shipped", null)).startsWith("Ihre Bestellung");
    }
}
'''),
    ('notification-service/src/test/java/com/acme/notify/NotificationEventsIT.java', r'''
package com.acme.notify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class NotificationEventsIT {

    @Autowired NotificationService service;
    @Autowired ApplicationEvents events;
    @MockBean PushSender pushSender;

    @Test
    void publishesSentEvent() {
        TemplateCache.put("order_shipped", "en", "Order {orderId} shipped");
        service.notifyOrderShipped("u-9", "o-1", "en");
        assertThat(events.stream(NotificationSentEvent.class)).hasSize(1);
        assertThat(service.sentLog).containsExactly("u-9|Order o-1 shipped");
    }
}
'''),
    ('logs/build-2291.txt', r'''
[INFO] Running com.acme.notify.LocaleFallbackTest
[INFO] Running com.acme.notify.NotificationServiceIT
[INFO] Running com.acme.notify.NotificationEventsIT
[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.acme.notify.LocaleFallbackTest
[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 3.9 s <<< FAILURE! - in com.acme.notify.NotificationServiceIT
[ERROR] sendsPushWhenOrderShipped  Time elapsed: 0.02 s  <<< ERROR!
java.lang.IllegalStateException: template missing for null
	at com.acme.notify.NotificationService.notifyOrderShipped(NotificationService.java:22)
[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 4.1 s <<< FAILURE! - in com.acme.notify.NotificationEventsIT
[ERROR] publishesSentEvent  Time elapsed: 0.03 s  <<< FAILURE!
java.lang.AssertionError: Expecting actual: [] to contain exactly: ["u-9|Order o-1 shipped"]
'''),
    ('logs/build-2294.txt', r'''
[INFO] Running com.acme.notify.NotificationServiceIT
[INFO] Running com.acme.notify.NotificationEventsIT
[INFO] Running com.acme.notify.LocaleFallbackTest
[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.06 s <<< FAILURE! - in com.acme.notify.LocaleFallbackTest
[ERROR] usesDefaultLocaleWhenNull  Time elapsed: 0.01 s  <<< FAILURE!
java.lang.AssertionError: Expecting actual: null to start with "Ihre Bestellung"
[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 4.4 s <<< FAILURE! - in com.acme.notify.NotificationServiceIT
[ERROR] sendsPushWhenOrderShipped  Time elapsed: 0.31 s  <<< FAILURE!
org.mockito.exceptions.verification.WantedButInvoked: pushSender.send("u-1", "Your order o-77 is on the way");
Wanted but not invoked: Actually, there were zero interactions with this mock.
[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 3.8 s - in com.acme.notify.NotificationEventsIT
'''),
  ],
  reqs=['explain every failure in the 2 logs', 'fix so parallel stay on', 'if production code also has same problem say it'],
  lang='java', fw='junit5')

t('simple', 'security-scan',
  'Client security team ask: do we have any log4j-core older than 2.17.1 anywhere? Here is dependency tree. Just list module and version.',
  files=[('reports/dependency-tree.txt', lines(90, lambda i: (
      '[INFO] com.acme:%s:jar:3.4.0' % ['acme-common', 'user-service', 'catalog-service', 'order-service', 'report-service', 'legacy-adapter'][i // 15]
      if i % 15 == 0 else
      '[INFO] %s %s' % ('+-' if i % 15 != 14 else '\\-', [
          'org.springframework.boot:spring-boot-starter-web:jar:3.2.4:compile',
          'com.fasterxml.jackson.core:jackson-databind:jar:2.15.4:compile',
          'org.apache.logging.log4j:log4j-api:jar:2.21.1:compile',
          'org.apache.logging.log4j:log4j-core:jar:%s:compile' % ['2.21.1', '2.21.1', '2.17.0', '2.21.1', '2.14.1', '2.12.4'][i // 15],
          'org.postgresql:postgresql:jar:42.7.3:runtime',
          'org.slf4j:slf4j-api:jar:2.0.12:compile',
          'com.google.guava:guava:jar:33.0.0-jre:compile',
          'org.apache.commons:commons-lang3:jar:3.14.0:compile',
          'io.micrometer:micrometer-registry-prometheus:jar:1.12.4:compile',
          'org.mapstruct:mapstruct:jar:1.5.5.Final:compile',
          'org.apache.poi:poi-ooxml:jar:5.2.5:compile',
          'commons-io:commons-io:jar:2.15.1:compile',
          'org.apache.httpcomponents.client5:httpclient5:jar:5.3.1:compile',
          'org.junit.jupiter:junit-jupiter:jar:5.10.2:test',
      ][(i % 15) - 1]))))],
  lang=None, fw='maven')

t('medium', 'quality-gate',
  'Tomorrow is go/no-go meeting for release 4.2. Client criteria and all report are below. Please say GO or NO-GO per criteria and final, '
  'and what is risk if we go anyway.',
  files=[
    ('release/criteria.md', r'''
Release criteria v4 (agreed with client)
1. Unit + integration pass rate = 100% (quarantined tests allowed max 3, each with ticket)
2. Line coverage on new code >= 80%, overall must not drop more than 1% vs previous release
3. No open Blocker/Critical bugs; Major bugs max 5 with workaround documented
4. Sonar: 0 new vulnerabilities, security hotspots reviewed 100%
5. Regression (Selenium) pass rate >= 98%, all P1 scenarios pass
6. Performance: checkout p95 <= 1500 ms at 200 rps, error rate < 0.5%
'''),
    ('release/test-results.txt', r'''
Unit/IT: 2318 run, 2318 passed, 0 failed, 4 skipped (@Disabled: OrderSagaIT#compensation ACME-4411, CartMergeTest#guestMerge ACME-4420, PdfExportIT#arabic ACME-4388, PriceImportJobIT#bigFile no ticket)
Selenium regression (Chrome 123, 412 scenarios): 405 passed, 7 failed
  failed: P2 x5 (wishlist, compare, newsletter x2, footer links), P1 x1 (guest checkout with PayPal - sandbox timeout, rerun passed), P3 x1
'''),
    ('release/sonar.json', r'''
{ "projectStatus": { "status": "ERROR", "conditions": [
  { "metricKey": "new_coverage", "status": "OK", "actualValue": "81.3", "errorThreshold": "80" },
  { "metricKey": "coverage", "status": "OK", "actualValue": "74.2", "comparator": "LT", "errorThreshold": "70" },
  { "metricKey": "new_vulnerabilities", "status": "OK", "actualValue": "0", "errorThreshold": "0" },
  { "metricKey": "new_security_hotspots_reviewed", "status": "ERROR", "actualValue": "66.7", "errorThreshold": "100" },
  { "metricKey": "new_reliability_rating", "status": "OK", "actualValue": "1", "errorThreshold": "1" }
] },
  "previousRelease": { "coverage": "75.6" } }
'''),
    ('release/bugs.csv', r'''
key,severity,status,summary,workaround
ACME-4502,Major,Open,Discount not shown on order email for bundles,yes - shown in app
ACME-4507,Major,Open,Invoice PDF wrong page break for >40 lines,yes - split invoice
ACME-4511,Critical,In Review,Guest checkout PayPal fails randomly in sandbox,unknown
ACME-4513,Major,Open,Search suggest slow on first letter,no
ACME-4515,Minor,Open,Typo in German footer,n/a
ACME-4518,Major,Open,Push not received on Android 14 when app killed,yes - in-app inbox
'''),
    ('release/perf-summary.txt', r'''
Run 2024-05-20 staging, 200 rps steady 30 min
checkout  p50 610 ms  p95 1480 ms  p99 3900 ms  errors 0.41%
search    p50 120 ms  p95  390 ms  p99  800 ms  errors 0.02%
'''),
  ],
  lang=None)

t('complex', 'defect-analysis',
  'Some users lose notes. Story from client: user write notes in phone with no internet (flight), then open app on tablet and edit other note, '
  'then phone come online and some notes from phone is gone or old text come back. Happen maybe 1% users but they are premium. Code and logs attach.',
  files=[
    ('app/src/main/java/com/acme/notes/sync/SyncManager.kt', r'''
package com.acme.notes.sync

import com.acme.notes.data.NoteDao
import com.acme.notes.data.NoteEntity
import com.acme.notes.net.NotesApi
import com.acme.notes.net.NoteDto
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

class SyncManager(
    private val dao: NoteDao,
    private val api: NotesApi,
    private val prefs: SyncPrefs,
    private val clock: () -> Long = System::currentTimeMillis
) {
    private val mutex = Mutex()

    suspend fun sync() = mutex.withLock {
        val since = prefs.lastSyncAt
        // 1. push local changes
        val dirty = dao.findDirty()
        if (dirty.isNotEmpty()) {
            api.upsert(dirty.map { it.toDto() })
            dao.markClean(dirty.map { it.id })
        }
        // 2. pull remote changes
        val remote = api.changesSince(since)
        for (dto in remote) {
            val local = dao.findById(dto.id)
            if (local == null || dto.updatedAt >= local.updatedAt) {
                dao.upsert(dto.toEntity(dirty = false))
            }
        }
        prefs.lastSyncAt = clock()
    }
}

private fun NoteEntity.toDto() = NoteDto(id, title, body, updatedAt, deleted)
private fun NoteDto.toEntity(dirty: Boolean) = NoteEntity(id, title, body, updatedAt, deleted, dirty)
'''),
    ('app/src/main/java/com/acme/notes/data/NoteRepository.kt', r'''
package com.acme.notes.data

class NoteRepository(private val dao: NoteDao, private val clock: () -> Long = System::currentTimeMillis) {

    suspend fun save(id: String, title: String, body: String) {
        dao.upsert(NoteEntity(id, title, body, updatedAt = clock(), deleted = false, dirty = true))
    }

    suspend fun delete(id: String) {
        val n = dao.findById(id) ?: return
        dao.upsert(n.copy(deleted = true, updatedAt = clock(), dirty = true))
    }
}
'''),
    ('notes-api/src/main/java/com/acme/notes/api/NotesController.java', r'''
package com.acme.notes.api;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/notes")
@RequiredArgsConstructor
public class NotesController {

    private final NoteRepository notes;

    @PostMapping("/upsert")
    @Transactional
    public void upsert(@AuthenticationPrincipal UserRef user, @RequestBody List<NoteDto> batch) {
        for (NoteDto dto : batch) {
            Note n = notes.findByIdAndOwner(dto.id(), user.id()).orElseGet(() -> new Note(dto.id(), user.id()));
            n.setTitle(dto.title());
            n.setBody(dto.body());
            n.setDeleted(dto.deleted());
            n.setUpdatedAt(dto.updatedAt());          // client time
            n.setServerModifiedAt(Instant.now());
            notes.save(n);
        }
    }

    @GetMapping("/changes")
    public List<NoteDto> changes(@AuthenticationPrincipal UserRef user, @RequestParam long since) {
        return notes.findByOwnerAndUpdatedAtGreaterThan(user.id(), since).stream().map(NoteDto::from).toList();
    }
}
'''),
    ('logs/device-phone-logcat.txt', r'''
05-03 06:10:22.411 I/NoteRepository: save id=n-381 updatedAt=1714716622411 (device clock, airplane mode)
05-03 06:25:05.030 I/NoteRepository: save id=n-382 updatedAt=1714717505030
05-03 06:41:47.772 I/NoteRepository: save id=n-381 updatedAt=1714718507772
05-03 09:02:13.118 I/SyncManager: sync start since=1714690801552
05-03 09:02:13.640 I/SyncManager: push dirty=2 ids=[n-381, n-382]
05-03 09:02:14.201 I/SyncManager: pull remote=3 ids=[n-381, n-377, n-390]
05-03 09:02:14.233 I/SyncManager: lastSyncAt=1714726934233
'''),
    ('logs/device-tablet-logcat.txt', r'''
05-03 08:31:40.900 I/NoteRepository: save id=n-381 updatedAt=1714725100900 (tablet clock is 7 min behind NTP)
05-03 08:31:41.700 I/SyncManager: sync start since=1714690400000
05-03 08:31:42.010 I/SyncManager: push dirty=1 ids=[n-381]
05-03 08:31:42.480 I/SyncManager: pull remote=0
05-03 08:31:42.481 I/SyncManager: lastSyncAt=1714725102481
05-03 09:20:03.310 I/SyncManager: sync start since=1714725102481
05-03 09:20:03.771 I/SyncManager: pull remote=0
'''),
    ('logs/notes-api.log', r'''
2024-05-03 08:38:42.330 INFO  NotesController : upsert user=u-5521 ids=[n-381] clientUpdatedAt=[1714725100900]
2024-05-03 09:02:13.922 INFO  NotesController : upsert user=u-5521 ids=[n-381,n-382] clientUpdatedAt=[1714718507772,1714717505030]
2024-05-03 09:02:14.150 INFO  NotesController : changes user=u-5521 since=1714690801552 returned=3
2024-05-03 09:20:03.700 INFO  NotesController : changes user=u-5521 since=1714725102481 returned=0
'''),
  ],
  reqs=['explain each way data is lost, step by step with the timestamps', 'propose fix (client ok to change API)', 'list test cases to prove the fix, including clock skew'],
  lang='kotlin', fw='junit4')

t('simple', 'test-generation',
  'Client moving from TestNG to JUnit 5. Convert this class please, same tests same asserts, nothing new.',
  files=[('src/test/java/com/acme/catalog/PriceFormatterTest.java', r'''
package com.acme.catalog;

import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

public class PriceFormatterTest {

    private PriceFormatter formatter;

    @BeforeMethod
    public void setUp() {
        formatter = new PriceFormatter();
    }

    @DataProvider(name = "prices")
    public Object[][] prices() {
        return new Object[][] {
            { new BigDecimal("10"), Locale.GERMANY, "10,00 €" },
            { new BigDecimal("1234.5"), Locale.GERMANY, "1.234,50 €" },
            { new BigDecimal("0.99"), Locale.US, "$0.99" },
            { new BigDecimal("1000000"), Locale.US, "$1,000,000.00" },
        };
    }

    @Test(dataProvider = "prices")
    public void formatsPrice(BigDecimal amount, Locale locale, String expected) {
        assertEquals(formatter.format(amount, locale), expected);
    }

    @Test
    public void nullAmountGivesNull() {
        assertNull(formatter.format(null, Locale.US));
    }

    @Test(expectedExceptions = IllegalArgumentException.class)
    public void negativeAmountRejected() {
        formatter.format(new BigDecimal("-1"), Locale.US);
    }

    @Test(enabled = false)
    public void japaneseYenHasNoDecimals() {
        assertEquals(formatter.format(new BigDecimal("500"), Locale.JAPAN), "￥500");
    }

    @Test(groups = "smoke")
    public void zeroIsFree() {
        assertTrue(formatter.format(BigDecimal.ZERO, Locale.US).equalsIgnoreCase("free"));
    }
}
''')],
  reqs=['keep smoke group as @Tag', 'disabled test stay disabled'],
  lang='java', fw='junit5')

t('medium', 'test-generation',
  'Need tests for this repository, client say use @DataJpaTest with real postgres (testcontainers), not H2 because native query.',
  files=[
    ('src/main/java/com/acme/fleet/vehicle/VehicleRepository.java', r'''
package com.acme.fleet.vehicle;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface VehicleRepository extends JpaRepository<Vehicle, Long> {

    Optional<Vehicle> findByPlateNumberIgnoreCase(String plate);

    Page<Vehicle> findByDepotIdAndStatusIn(Long depotId, List<VehicleStatus> statuses, Pageable pageable);

    @Query("select v from Vehicle v where v.nextServiceDate <= :date and v.status <> 'RETIRED' order by v.nextServiceDate")
    List<Vehicle> dueForService(@Param("date") LocalDate date);

    @Query(value = """
        select v.* from vehicle v
        where v.depot_id = :depotId
          and v.status = 'AVAILABLE'
          and not exists (select 1 from booking b where b.vehicle_id = v.id
                          and tstzrange(b.start_at, b.end_at, '[)') && tstzrange(cast(:from as timestamptz), cast(:to as timestamptz), '[)'))
        order by v.odometer_km asc
        limit :limit
        """, nativeQuery = true)
    List<Vehicle> findFreeVehicles(@Param("depotId") Long depotId, @Param("from") String from,
                                   @Param("to") String to, @Param("limit") int limit);

    @Modifying
    @Query("update Vehicle v set v.status = 'RETIRED' where v.odometerKm > :maxKm and v.status <> 'RETIRED'")
    int retireHighMileage(@Param("maxKm") long maxKm);
}
'''),
    ('src/main/java/com/acme/fleet/vehicle/Vehicle.java', r'''
package com.acme.fleet.vehicle;

import jakarta.persistence.*;
import lombok.Getter;
import lombok.Setter;

import java.time.LocalDate;

@Entity
@Getter @Setter
public class Vehicle {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String plateNumber;
    private Long depotId;
    @Enumerated(EnumType.STRING)
    private VehicleStatus status;
    private long odometerKm;
    private LocalDate nextServiceDate;
}
'''),
    ('src/main/resources/db/migration/V3__booking.sql', r'''
create table booking (
  id bigserial primary key,
  vehicle_id bigint not null references vehicle(id),
  start_at timestamptz not null,
  end_at timestamptz not null,
  check (end_at > start_at)
);
'''),
  ],
  reqs=['overlap edge: booking ending exactly at :from must not block', 'check paging and order', 'flyway is enabled in tests'],
  lang='java', fw='junit5')

# why: one short method, but the real job is a concurrent load design that exposes a lost-update race on stock: complex
t('complex', 'performance-testing',
  'Stock reserve API ok with 10 users. With 200 users sometime stock go minus. Make load test that show it and find at what load it start.',
  files=[('inventory-service/src/main/java/com/acme/inventory/ReservationService.java', r'''
package com.acme.inventory;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class ReservationService {

    private final StockRepository stock;
    private final ReservationRepository reservations;

    @Transactional
    public Reservation reserve(String sku, int qty, String orderId) {
        Stock s = stock.findBySku(sku).orElseThrow(() -> new UnknownSkuException(sku));
        if (s.getAvailable() < qty) {
            throw new OutOfStockException(sku, s.getAvailable(), qty);
        }
        s.setAvailable(s.getAvailable() - qty);
        stock.save(s);
        return reservations.save(new Reservation(orderId, sku, qty));
    }
}
''')],
  lang='java', fw='jmeter')

t('simple', 'performance-testing',
  'jmeter aggregate report from client run is below. Which request have 90% line more than 2000 ms? and which has error more than 1%. Simple list.',
  files=[('results/aggregate-report.csv', 'Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput,Received KB/sec,Sent KB/sec\n'
     + lines(28, lambda i: '%s,%d,%d,%d,%d,%d,%d,%d,%d,%.2f%%,%.1f/sec,%.2f,%.2f' % (
        ['GET /home', 'POST /login', 'GET /api/products', 'GET /api/products/{id}', 'GET /api/search', 'POST /api/cart/items',
         'GET /api/cart', 'DELETE /api/cart/items/{id}', 'POST /api/checkout', 'GET /api/orders', 'GET /api/orders/{id}',
         'POST /api/payments', 'GET /api/profile', 'PUT /api/profile', 'GET /api/wishlist', 'POST /api/wishlist',
         'GET /api/recommendations', 'GET /api/stores', 'GET /api/stores/{id}/stock', 'POST /api/coupons/validate',
         'GET /api/categories', 'GET /api/banners', 'POST /api/reviews', 'GET /api/reviews', 'POST /api/logout',
         'GET /static/app.js', 'GET /static/app.css', 'TOTAL'][i],
        1200 + (i * 97) % 800,
        180 + (i * 211) % 1900, 150 + (i * 197) % 1700, 320 + (i * 331) % 2600, 400 + (i * 347) % 3000,
        700 + (i * 389) % 4200, 20 + i, 2500 + (i * 613) % 9000,
        [0, 0, 0.1, 0, 2.4, 0.3, 0, 0, 1.8, 0, 0, 3.1, 0, 0.5, 0, 0, 1.2, 0, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.6][i],
        4 + (i * 7) % 30 + 0.5, 12.3 + i, 1.1 + i / 10.0)))],
  lang=None, fw='jmeter')

t('medium', 'flaky-test-analysis',
  'Espresso test in Firebase Test Lab fail around 30% runs, only on low devices (Galaxy A10, Pixel 3a api 29). Emulator local pass always. Test + log here.',
  files=[
    ('app/src/androidTest/java/com/acme/clinic/DoctorSearchTest.kt', r'''
package com.acme.clinic

import androidx.test.espresso.Espresso.onView
import androidx.test.espresso.action.ViewActions.*
import androidx.test.espresso.assertion.ViewAssertions.matches
import androidx.test.espresso.matcher.ViewMatchers.*
import androidx.test.ext.junit.rules.ActivityScenarioRule
import androidx.test.ext.junit.runners.AndroidJUnit4
import org.hamcrest.Matchers.not
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith

@RunWith(AndroidJUnit4::class)
class DoctorSearchTest {

    @get:Rule
    val rule = ActivityScenarioRule(MainActivity::class.java)

    @Test
    fun searchShowsCardiologists() {
        onView(withId(R.id.search_input)).perform(typeText("cardio"), closeSoftKeyboard())
        // results load from Retrofit (coroutine, Dispatchers.IO) with 300ms debounce
        Thread.sleep(1500)
        onView(withId(R.id.empty_state)).check(matches(not(isDisplayed())))
        onView(withText("Dr. Amal Haddad")).check(matches(isDisplayed()))
    }
}
'''),
    ('ftl/logcat-failed-run.txt', r'''
04-22 11:02:14.210 I/TestRunner: started: searchShowsCardiologists(com.acme.clinic.DoctorSearchTest)
04-22 11:02:15.004 D/SearchViewModel: query changed "c"
04-22 11:02:15.391 D/SearchViewModel: query changed "cardio"
04-22 11:02:15.702 D/OkHttp: --> GET https://api.staging.acme-test.io/api/doctors?q=cardio
04-22 11:02:16.511 I/TestRunner: failed: searchShowsCardiologists(com.acme.clinic.DoctorSearchTest)
04-22 11:02:16.512 E/TestRunner: androidx.test.espresso.base.AssertionErrorHandler$AssertionFailedWithCauseError: 'not is displayed on the screen to the user' doesn't match the selected view.
04-22 11:02:16.512 E/TestRunner: Expected: not is displayed on the screen to the user
04-22 11:02:16.512 E/TestRunner: Got: "LinearLayout{id=2131296498, res-name=empty_state, visibility=VISIBLE ...}"
04-22 11:02:17.630 D/OkHttp: <-- 200 OK https://api.staging.acme-test.io/api/doctors?q=cardio (1928ms, 2.1kB body)
'''),
  ],
  reqs=['no Thread.sleep in fix', 'we use Hilt, can inject test dispatcher or idling resource'],
  lang='kotlin', fw='espresso')

t('simple', 'quality-gate',
  'client rule: new code coverage min 75%. sonar show 73.8% on new code but overall is 82%. It is pass or not?',
  lang=None)

t('complex', 'security-scan',
  'Client bank want security check of the Android app before store release. These are the part they worry (login webview and deep links). Please find issue.',
  files=[
    ('app/src/main/AndroidManifest.xml', r'''
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.bank">
    <uses-permission android:name="android.permission.INTERNET" />
    <application
        android:allowBackup="true"
        android:usesCleartextTraffic="true"
        android:label="@string/app_name">
        <activity android:name=".ui.MainActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
        </activity>
        <activity android:name=".ui.WebLoginActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.VIEW" />
                <category android:name="android.intent.category.DEFAULT" />
                <category android:name="android.intent.category.BROWSABLE" />
                <data android:scheme="acmebank" android:host="open" />
            </intent-filter>
        </activity>
        <provider android:name=".data.StatementProvider"
            android:authorities="com.acme.bank.statements"
            android:exported="true" />
    </application>
</manifest>
'''),
    ('app/src/main/java/com/acme/bank/ui/WebLoginActivity.kt', r'''
package com.acme.bank.ui

import android.annotation.SuppressLint
import android.os.Bundle
import android.webkit.JavascriptInterface
import android.webkit.WebView
import android.webkit.WebViewClient
import androidx.appcompat.app.AppCompatActivity
import com.acme.bank.data.TokenStore

class WebLoginActivity : AppCompatActivity() {

    @SuppressLint("SetJavaScriptEnabled")
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val web = WebView(this)
        setContentView(web)
        web.settings.javaScriptEnabled = true
        web.settings.allowFileAccess = true
        web.settings.allowUniversalAccessFromFileURLs = true
        web.addJavascriptInterface(Bridge(), "AcmeBridge")
        web.webViewClient = object : WebViewClient() {
            override fun onReceivedSslError(v: WebView, h: android.webkit.SslErrorHandler, e: android.net.http.SslError) {
                h.proceed() // staging has self signed cert
            }
        }
        val target = intent.data?.getQueryParameter("url") ?: "https://login.acmebank.example/mobile"
        if (target.contains("acmebank")) {
            web.loadUrl(target)
        }
    }

    inner class Bridge {
        @JavascriptInterface
        fun onLogin(accessToken: String, refreshToken: String) {
            TokenStore(this@WebLoginActivity).save(accessToken, refreshToken)
            finish()
        }

        @JavascriptInterface
        fun getRefreshToken(): String? = TokenStore(this@WebLoginActivity).refreshToken()
    }
}
'''),
    ('app/src/main/java/com/acme/bank/data/TokenStore.kt', r'''
package com.acme.bank.data

import android.content.Context
import android.util.Base64
import android.util.Log

class TokenStore(context: Context) {
    private val prefs = context.getSharedPreferences("auth", Context.MODE_PRIVATE)

    fun save(access: String, refresh: String) {
        Log.d("TokenStore", "saving tokens access=$access")
        prefs.edit()
            .putString("access", access)
            .putString("refresh", Base64.encodeToString(refresh.toByteArray(), Base64.DEFAULT))
            .apply()
    }

    fun refreshToken(): String? =
        prefs.getString("refresh", null)?.let { String(Base64.decode(it, Base64.DEFAULT)) }
}
'''),
    ('app/src/main/java/com/acme/bank/data/StatementProvider.kt', r'''
package com.acme.bank.data

import android.content.ContentProvider
import android.content.ContentValues
import android.database.Cursor
import android.net.Uri
import android.os.ParcelFileDescriptor
import java.io.File

class StatementProvider : ContentProvider() {
    override fun onCreate() = true

    override fun openFile(uri: Uri, mode: String): ParcelFileDescriptor? {
        val file = File(context!!.filesDir, "statements/" + uri.lastPathSegment)
        return ParcelFileDescriptor.open(file, ParcelFileDescriptor.MODE_READ_ONLY)
    }

    override fun query(u: Uri, p: Array<String>?, s: String?, a: Array<String>?, o: String?): Cursor? = null
    override fun getType(uri: Uri) = "application/pdf"
    override fun insert(uri: Uri, values: ContentValues?) = null
    override fun delete(uri: Uri, s: String?, a: Array<String>?) = 0
    override fun update(uri: Uri, v: ContentValues?, s: String?, a: Array<String>?) = 0
}
'''),
  ],
  reqs=['OWASP MASVS style categories', 'show attack scenario for each high', 'give fixed code'],
  lang='kotlin', fw=None)

# why: running instrumented tests on two API levels and comparing needs device setup and permission handling, but no diagnosis across services: medium
t('medium', 'test-execution',
  'Run the androidTest suite on emulator API 30 and API 34 both. Some tests need location and notification permission, on 34 it ask popup. '
  'Give me table per test per API level pass/fail, and for fail the reason line.',
  files=[('app/build.gradle.kts', r'''
android {
    namespace = "com.acme.delivery"
    compileSdk = 34
    defaultConfig {
        applicationId = "com.acme.delivery"
        minSdk = 26
        targetSdk = 34
        testInstrumentationRunner = "com.acme.delivery.HiltTestRunner"
        testInstrumentationRunnerArguments["clearPackageData"] = "true"
    }
    testOptions {
        execution = "ANDROIDX_TEST_ORCHESTRATOR"
        animationsDisabled = true
        managedDevices {
            localDevices {
                create("pixel6Api30") { device = "Pixel 6"; apiLevel = 30; systemImageSource = "aosp" }
                create("pixel6Api34") { device = "Pixel 6"; apiLevel = 34; systemImageSource = "aosp-atd" }
            }
        }
    }
}

dependencies {
    androidTestImplementation("androidx.test.espresso:espresso-core:3.5.1")
    androidTestImplementation("androidx.test:rules:1.5.0")
    androidTestImplementation("androidx.test.uiautomator:uiautomator:2.3.0")
    androidTestImplementation("com.google.dagger:hilt-android-testing:2.51")
    androidTestUtil("androidx.test:orchestrator:1.4.2")
}
''')],
  reqs=['use gradle managed devices if possible', 'do not change app code'],
  lang='kotlin', fw='espresso')

t('simple', 'coverage-analysis',
  'From this jacoco xml part for one class, which methods have zero coverage? I need write tests for them.',
  files=[('target/site/jacoco/jacoco-CouponValidator.xml', r'''
<class name="com/acme/promo/CouponValidator" sourcefilename="CouponValidator.java">
  <method name="&lt;init&gt;" desc="(Lcom/acme/promo/CouponRepository;Ljava/time/Clock;)V" line="18">
    <counter type="INSTRUCTION" missed="0" covered="9"/><counter type="LINE" missed="0" covered="4"/><counter type="METHOD" missed="0" covered="1"/>
  </method>
  <method name="validate" desc="(Ljava/lang/String;Ljava/math/BigDecimal;)Lcom/acme/promo/CouponResult;" line="24">
    <counter type="INSTRUCTION" missed="12" covered="58"/><counter type="BRANCH" missed="2" covered="6"/><counter type="LINE" missed="3" covered="14"/><counter type="METHOD" missed="0" covered="1"/>
  </method>
  <method name="isExpired" desc="(Lcom/acme/promo/Coupon;)Z" line="51">
    <counter type="INSTRUCTION" missed="0" covered="11"/><counter type="BRANCH" missed="1" covered="1"/><counter type="LINE" missed="0" covered="2"/><counter type="METHOD" missed="0" covered="1"/>
  </method>
  <method name="isFirstOrderOnly" desc="(Lcom/acme/promo/Coupon;Ljava/lang/String;)Z" line="56">
    <counter type="INSTRUCTION" missed="17" covered="0"/><counter type="BRANCH" missed="4" covered="0"/><counter type="LINE" missed="5" covered="0"/><counter type="METHOD" missed="1" covered="0"/>
  </method>
  <method name="applyCap" desc="(Ljava/math/BigDecimal;Ljava/math/BigDecimal;)Ljava/math/BigDecimal;" line="64">
    <counter type="INSTRUCTION" missed="10" covered="0"/><counter type="BRANCH" missed="2" covered="0"/><counter type="LINE" missed="3" covered="0"/><counter type="METHOD" missed="1" covered="0"/>
  </method>
  <method name="normalizeCode" desc="(Ljava/lang/String;)Ljava/lang/String;" line="70">
    <counter type="INSTRUCTION" missed="0" covered="8"/><counter type="LINE" missed="0" covered="1"/><counter type="METHOD" missed="0" covered="1"/>
  </method>
  <method name="lambda$validate$0" desc="(Ljava/lang/String;)Lcom/acme/promo/CouponNotFoundException;" line="27">
    <counter type="INSTRUCTION" missed="5" covered="0"/><counter type="LINE" missed="1" covered="0"/><counter type="METHOD" missed="1" covered="0"/>
  </method>
  <counter type="INSTRUCTION" missed="44" covered="86"/><counter type="BRANCH" missed="9" covered="7"/>
  <counter type="LINE" missed="12" covered="21"/><counter type="METHOD" missed="3" covered="4"/>
</class>
''')],
  lang='java', fw='jacoco')

t('medium', 'test-generation',
  'Write postman tests (the JS in Tests tab) for these 5 request of leave API. Token from login must go to others. '
  'Client want negative case too, not only 200.',
  files=[('docs/leave-api-openapi.yaml', r'''
openapi: 3.0.3
info: { title: Leave API, version: 1.3.0 }
paths:
  /api/auth/login:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Login' } } } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { token: { type: string }, expiresIn: { type: integer } } } } } }
        '401': { description: bad credentials }
  /api/leave-requests:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/LeaveCreate' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Leave' } } } }
        '400': { description: validation error, e.g. endDate before startDate or more than 30 days }
        '409': { description: overlaps existing request }
    get:
      parameters:
        - { name: status, in: query, schema: { type: string, enum: [PENDING, APPROVED, REJECTED] } }
      responses:
        '200': { description: list, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Leave' } } } } }
  /api/leave-requests/{id}:
    get:
      responses: { '200': { description: ok }, '404': { description: not found or not yours } }
  /api/leave-requests/{id}/approve:
    post:
      description: only role MANAGER; employee gets 403; already approved gives 409
      responses: { '200': { description: ok }, '403': { description: forbidden }, '409': { description: wrong state } }
components:
  schemas:
    Login: { type: object, required: [email, password], properties: { email: { type: string }, password: { type: string } } }
    LeaveCreate: { type: object, required: [type, startDate, endDate], properties: { type: { type: string, enum: [ANNUAL, SICK, UNPAID] }, startDate: { type: string, format: date }, endDate: { type: string, format: date }, comment: { type: string, maxLength: 500 } } }
    Leave: { type: object, properties: { id: { type: integer }, type: { type: string }, startDate: { type: string }, endDate: { type: string }, status: { type: string }, days: { type: integer } } }
''')],
  reqs=['use pm.test and pm.expect, chai style', 'schema check with tv4 or ajv is ok', 'we have two users in env: employee and manager'],
  lang='javascript', fw='postman')

t('complex', 'coverage-analysis',
  'Overall coverage is 82% and client is happy, but last 2 incident was in refund flow. My lead say "coverage is lying". '
  'I attach jacoco summary of all modules and refund code. Find where refund is not really tested and why number look good.',
  files=[
    ('reports/jacoco-modules.txt', r'''
MODULE               LINE%  BRANCH%  CLASSES
acme-common          91.2   84.0     38
order-service        84.5   71.3     52
payment-service      86.1   62.8     41
refund-service       88.7   49.5     17
ledger-service       79.0   66.1     23
notification-service 71.4   58.9     19
TOTAL                82.3   65.7    190
'''),
    ('reports/jacoco-refund-service.csv', r'''
CLASS,LINE_MISSED,LINE_COVERED,BRANCH_MISSED,BRANCH_COVERED
RefundController,2,40,1,7
RefundService,6,71,19,11
RefundPolicyEngine,3,58,22,14
PartialRefundCalculator,1,33,9,5
RefundStateListener,0,24,4,2
PspRefundClient,5,30,6,2
RefundMapper,0,61,0,4
'''),
    ('refund-service/src/main/java/com/acme/refund/RefundService.java', r'''
package com.acme.refund;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

@Service
@RequiredArgsConstructor
public class RefundService {

    private final RefundRepository refunds;
    private final OrderClient orders;
    private final PspRefundClient psp;
    private final RefundPolicyEngine policy;
    private final PartialRefundCalculator partial;
    private final LedgerClient ledger;

    @Transactional
    public Refund requestRefund(String orderId, BigDecimal amount, RefundReason reason, String requestedBy) {
        OrderView order = orders.get(orderId);
        BigDecimal alreadyRefunded = refunds.sumRefunded(orderId);
        PolicyDecision d = policy.evaluate(order, amount, reason, alreadyRefunded);
        if (d.rejected()) {
            return refunds.save(Refund.rejected(orderId, amount, d.reason()));
        }
        BigDecimal toRefund = order.isMultiCurrency() || order.hasGiftCard()
            ? partial.split(order, amount)
            : amount;
        if (toRefund.add(alreadyRefunded).compareTo(order.getCapturedAmount()) > 0) {
            throw new RefundExceedsCaptureException(orderId);
        }
        Refund r = refunds.save(Refund.pending(orderId, toRefund, reason, requestedBy, d.needsApproval()));
        if (!d.needsApproval()) {
            PspResult res = psp.refund(order.getPaymentRef(), toRefund, order.getCurrency());
            if (res.isPending()) {
                r.markProcessing(res.getPspRefundId());
            } else if (res.isSuccess()) {
                r.markDone(res.getPspRefundId());
                ledger.postRefund(orderId, toRefund, order.getCurrency());
            } else {
                r.markFailed(res.getErrorCode());
            }
        }
        return r;
    }
}
'''),
    ('refund-service/src/main/java/com/acme/refund/RefundPolicyEngine.java', r'''
package com.acme.refund;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

@Component
public class RefundPolicyEngine {

    private final Clock clock;

    public RefundPolicyEngine(Clock clock) { this.clock = clock; }

    public PolicyDecision evaluate(OrderView o, BigDecimal amount, RefundReason reason, BigDecimal already) {
        if (amount.signum() <= 0) return PolicyDecision.reject("amount must be positive");
        if (o.getStatus() == OrderStatus.CANCELLED && already.signum() > 0) return PolicyDecision.reject("already refunded cancel");
        Duration age = Duration.between(o.getDeliveredAt() != null ? o.getDeliveredAt() : o.getCreatedAt(), Instant.now(clock));
        if (reason == RefundReason.CHANGED_MIND) {
            if (age.toDays() > 14) return PolicyDecision.reject("outside 14 day window");
            if (o.hasCategory("HYGIENE") || o.hasCategory("DIGITAL")) return PolicyDecision.reject("non-returnable");
        }
        if (reason == RefundReason.DAMAGED && age.toDays() > 60) return PolicyDecision.reject("damage report too late");
        if (reason == RefundReason.NOT_DELIVERED && o.getDeliveredAt() != null) return PolicyDecision.approveWithReview();
        boolean high = amount.compareTo(new BigDecimal("500")) >= 0;
        boolean repeat = o.getCustomerRefundCount90d() >= 3;
        if (high || repeat) return PolicyDecision.approveWithReview();
        return PolicyDecision.autoApprove();
    }
}
'''),
    ('refund-service/src/test/java/com/acme/refund/RefundServiceTest.java', r'''
package com.acme.refund;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class RefundServiceTest {

    @Mock RefundRepository refunds;
    @Mock OrderClient orders;
    @Mock PspRefundClient psp;
    @Mock RefundPolicyEngine policy;
    @Mock PartialRefundCalculator partial;
    @Mock LedgerClient ledger;
    @InjectMocks RefundService service;

    @Test
    void autoApprovedRefundIsDone() {
        OrderView o = TestOrders.simple("o-1", "100.00", "EUR");
        when(orders.get("o-1")).thenReturn(o);
        when(refunds.sumRefunded("o-1")).thenReturn(BigDecimal.ZERO);
        when(policy.evaluate(any(), any(), any(), any())).thenReturn(PolicyDecision.autoApprove());
        when(refunds.save(any())).thenAnswer(i -> i.getArgument(0));
        when(psp.refund(any(), any(), any())).thenReturn(PspResult.success("re_1"));

        Refund r = service.requestRefund("o-1", new BigDecimal("40.00"), RefundReason.DAMAGED, "agent-7");

        assertThat(r).isNotNull();
    }

    @Test
    void rejectedByPolicy() {
        when(orders.get("o-2")).thenReturn(TestOrders.simple("o-2", "10.00", "EUR"));
        when(refunds.sumRefunded("o-2")).thenReturn(BigDecimal.ZERO);
        when(policy.evaluate(any(), any(), any(), any())).thenReturn(PolicyDecision.reject("x"));
        when(refunds.save(any())).thenAnswer(i -> i.getArgument(0));
        assertThat(service.requestRefund("o-2", BigDecimal.ONE, RefundReason.CHANGED_MIND, "a")).isNotNull();
    }
}
'''),
    ('refund-service/src/test/java/com/acme/refund/RefundApiIT.java', r'''
package com.acme.refund;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RefundApiIT {

    @Autowired MockMvc mvc;

    @Test
    void refundEndpointsRespond() throws Exception {
        for (String reason : new String[] {"DAMAGED", "CHANGED_MIND", "NOT_DELIVERED", "WRONG_ITEM"}) {
            for (String amount : new String[] {"1.00", "250.00", "600.00"}) {
                mvc.perform(post("/api/refunds")
                        .contentType("application/json")
                        .content("{\"orderId\":\"seed-order-1\",\"amount\":" + amount + ",\"reason\":\"" + reason + "\"}"))
                    .andExpect(status().is2xxSuccessful());
            }
        }
    }
}
'''),
    ('incidents/INC-2024-031.md', r'''
INC-2024-031: customer refunded twice the gift card part on a mixed card+gift card order (EUR 60)
INC-2024-044: refund stuck in PROCESSING for 9 days, PSP returned pending then webhook lost; ledger never posted
'''),
  ],
  reqs=['explain with examples which lines are "covered" but not verified', 'list missing test cases ranked by risk', 'suggest a metric better than line % for this module'],
  lang='java', fw='junit5')

t('medium', 'performance-testing',
  'Load test on order-service stop going up after 120 rps, CPU only 35%. More users = only more latency. Results and metrics attach, where is bottleneck?',
  files=[
    ('results/step-load-summary.csv', r'''
users,throughput_rps,p50_ms,p95_ms,p99_ms,error_pct
20,41,180,320,410,0
40,83,190,350,470,0
60,118,260,610,880,0
80,121,470,1200,1750,0
100,122,690,1650,2400,0.1
150,120,1150,2700,4100,0.8
200,119,1600,3900,6200,2.9
'''),
    ('results/actuator-metrics-at-150-users.txt', r'''
process.cpu.usage                     0.34
jvm.threads.live                      238
tomcat.threads.busy                   200
tomcat.threads.config.max             200
hikaricp.connections.active           10
hikaricp.connections.idle             0
hikaricp.connections.pending          184
hikaricp.connections.max              10
hikaricp.connections.acquire (p95)    1.42 s
hikaricp.connections.usage (p95)      0.081 s
http.client.requests uri=/api/stock (p95) 0.045 s
jvm.gc.pause (max)                    0.021 s
postgres: active connections          14 / max 200, cpu 22%
'''),
    ('order-service/src/main/resources/application.yml', r'''
server:
  tomcat:
    threads:
      max: 200
spring:
  datasource:
    hikari:
      maximum-pool-size: 10
      connection-timeout: 30000
  jpa:
    open-in-view: true
'''),
    ('order-service/src/main/java/com/acme/order/web/OrderController.java', r'''
@RestController
@RequestMapping("/api/orders")
@RequiredArgsConstructor
public class OrderController {

    private final OrderService orderService;
    private final StockClient stockClient;

    @PostMapping
    public OrderDto create(@RequestBody CreateOrder cmd) {
        Customer c = orderService.loadCustomer(cmd.customerId());   // opens EntityManager (OSIV)
        StockInfo s = stockClient.check(cmd.items());               // HTTP 30-60 ms
        return orderService.create(c, cmd, s);
    }
}
'''),
  ],
  reqs=['explain with the numbers', 'what config to change and what retest to run after'],
  lang='java', fw='jmeter')

t('simple', 'defect-analysis',
  'postman request "Get profile" fail with 401 but login before is 200. Pre-request and tests script pasted. what wrong?',
  files=[
    ('postman/login-tests.js', r'''
pm.test("status 200", function () {
    pm.response.to.have.status(200);
});
var body = pm.response.json();
pm.environment.set("authToken", body.access_token);
'''),
    ('postman/get-profile-request.txt', r'''
GET {{baseUrl}}/api/profile
Headers:
  Authorization: Bearer {{accessToken}}
  Accept: application/json

Response 401:
{"error":"unauthorized","message":"Full authentication is required to access this resource"}
'''),
  ],
  lang='javascript', fw='postman')

t('complex', 'test-generation',
  'This rate limiter is used by all threads in gateway. Write tests for it pls, client had incident that limit not work on high traffic.',
  files=[('gateway/src/main/java/com/acme/gateway/ratelimit/TokenBucket.java', r'''
package com.acme.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

public class TokenBucket {

    private final long capacity;
    private final long refillPerSecond;
    private final LongSupplier nanoClock;
    private final AtomicLong tokens;
    private final AtomicLong lastRefillNanos;

    public TokenBucket(long capacity, long refillPerSecond, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoClock = nanoClock;
        this.tokens = new AtomicLong(capacity);
        this.lastRefillNanos = new AtomicLong(nanoClock.getAsLong());
    }

    public boolean tryAcquire(int permits) {
        refill();
        while (true) {
            long current = tokens.get();
            if (current < permits) {
                return false;
            }
            if (tokens.compareAndSet(current, current - permits)) {
                return true;
            }
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long last = lastRefillNanos.get();
        long elapsed = now - last;
        long newTokens = elapsed * refillPerSecond / 1_000_000_000L;
        if (newTokens > 0) {
            lastRefillNanos.set(now);
            tokens.set(Math.min(capacity, tokens.get() + newTokens));
        }
    }

    public long available() {
        return tokens.get();
    }
}
''')],
  reqs=['JUnit 5', 'need test that proves over-admission with many threads if bug exist', 'deterministic clock for refill tests'],
  lang='java', fw='junit5')

t('medium', 'quality-gate',
  'Android release 5.3.0 to play store staged rollout. Please check against client gate and tell go or not for 10% rollout.',
  files=[
    ('release/android-gate.md', r'''
Android release gate
- Crash-free users (beta track, 7 days) >= 99.5%
- ANR rate (beta) <= 0.47% (Play bad behaviour threshold)
- Espresso regression on FTL matrix (6 devices) pass >= 97%, no P1 fail
- Lint: 0 errors, no new warnings in Security category
- APK/AAB size increase <= 5% vs previous release
- Cold start p90 (Macrobenchmark, Pixel 4a) <= 1200 ms
'''),
    ('release/vitals-beta.txt', r'''
Track: beta   Period: 2024-06-01..2024-06-07   Users: 4,812
Crash-free users: 99.58%   Crash-free sessions: 99.91%
ANR rate: 0.52%  (top: MainActivity.onCreate -> SharedPreferences.commit on main thread, Android 10-11 only, 71% of ANRs)
'''),
    ('release/ftl-matrix.txt', r'''
device                      tests  pass  fail  flaky
Pixel 7 API 34              184    184   0     0
Pixel 4a API 30             184    182   1     1
Galaxy A10 API 29           184    177   5     2
Galaxy S22 API 33           184    184   0     0
Redmi Note 9 API 29         184    179   4     1
Pixel 3a API 28             184    181   2     1
failed P1: none. failed P2: DoctorSearchTest.searchShowsCardiologists (A10, Redmi), BookingFlowTest.payWithCard (A10)
'''),
    ('release/lint-and-size.txt', r'''
lint: errors 0, warnings 212 (prev 205) -> new: 4 x UnusedResources, 2 x ObsoleteSdkInt, 1 x SetJavaScriptEnabled (Security)
AAB size: 18.9 MB (prev 18.2 MB)
Macrobenchmark cold start Pixel 4a: p50 840 ms, p90 1190 ms, p99 1610 ms
'''),
  ],
  lang=None, fw='espresso')

t('simple', 'test-generation',
  'Junior wrote this selenium test, it only click and have no assert, so it always pass. Add the asserts that obviously should be there. Dont change the steps.',
  files=[('src/test/java/com/acme/shop/ui/LoginTest.java', r'''
package com.acme.shop.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.Test;

import java.time.Duration;

public class LoginTest extends BaseUiTest {

    @Test
    public void validLoginShowsDashboard() {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("email")).sendKeys("qa.user@acme-test.io");
        driver.findElement(By.id("password")).sendKeys("Secret#123");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.urlContains("/dashboard"));
        driver.findElement(By.cssSelector("header .user-name"));
    }

    @Test
    public void wrongPasswordShowsError() {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("email")).sendKeys("qa.user@acme-test.io");
        driver.findElement(By.id("password")).sendKeys("wrong");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
    }

    @Test
    public void logoutGoesBackToLogin() {
        validLoginShowsDashboard();
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.urlContains("/login"));
    }
}
''')],
  reqs=['error text on page is "Invalid email or password"', 'user name in header should be "QA User"'],
  lang='java', fw='selenium')

# why: short method, but it builds SQL from request parameters (injection) on a search endpoint: complex by rubric
t('complex', 'security-scan',
  'Is this ok? client security guy say "check the search". Code below.',
  files=[('src/main/java/com/acme/crm/customer/CustomerSearchDao.java', r'''
package com.acme.crm.customer;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Set;

@Repository
@RequiredArgsConstructor
public class CustomerSearchDao {

    private static final Set<String> SORTABLE = Set.of("name", "created_at", "city");
    private final JdbcTemplate jdbc;

    public List<CustomerRow> search(String tenantId, String name, String city, String sort, String dir, int page) {
        StringBuilder sql = new StringBuilder(
            "select id, name, email, city, created_at from customer where tenant_id = ? ");
        if (name != null && !name.isBlank()) {
            sql.append("and lower(name) like '%").append(name.toLowerCase().replace("'", "''")).append("%' ");
        }
        if (city != null) {
            sql.append("and city = '").append(city).append("' ");
        }
        String sortCol = SORTABLE.stream().anyMatch(sort::startsWith) ? sort : "name";
        sql.append("order by ").append(sortCol).append(' ').append("desc".equalsIgnoreCase(dir) ? "desc" : "asc");
        sql.append(" limit 50 offset ").append(page * 50);
        return jdbc.query(sql.toString(), new CustomerRowMapper(), tenantId);
    }
}
''')],
  reqs=['if problem show example payload', 'rewrite safe'],
  lang='java', fw='spring-boot')

# why: function is ~25 lines, but the requirements (business days, holidays, branch timezone, rounding) need judgement to design cases: medium
t('medium', 'test-generation',
  'Small function but client is very strict about late fee. Write junit tests. Rules from client in requirements.',
  files=[('src/main/java/com/acme/loan/LateFeeCalculator.java', r'''
package com.acme.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

public class LateFeeCalculator {

    private static final BigDecimal DAILY_RATE = new BigDecimal("0.0005");
    private static final BigDecimal MAX_FEE_RATIO = new BigDecimal("0.10");

    private final Set<LocalDate> holidays;

    public LateFeeCalculator(Set<LocalDate> holidays) {
        this.holidays = holidays;
    }

    public BigDecimal fee(BigDecimal installment, LocalDate dueDate, LocalDate paidDate) {
        if (!paidDate.isAfter(dueDate)) {
            return BigDecimal.ZERO;
        }
        LocalDate effectiveDue = dueDate;
        while (isNonWorking(effectiveDue)) {
            effectiveDue = effectiveDue.plusDays(1);
        }
        long lateDays = effectiveDue.until(paidDate).getDays();
        if (lateDays <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal fee = installment.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(lateDays));
        BigDecimal cap = installment.multiply(MAX_FEE_RATIO);
        return fee.min(cap).setScale(2, RoundingMode.HALF_UP);
    }

    private boolean isNonWorking(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(d);
    }
}
''')],
  reqs=['if due date is weekend or holiday, customer can pay next working day without fee',
        'fee counts calendar days after the (shifted) due date, max 10% of installment',
        'paidDate is branch local date, branches in UTC+3 and UTC-5 - tell me if function signature is risky',
        'late more than one month must still work (check the code!)'],
  lang='java', fw='junit5')

t('simple', 'test-execution',
  'Execute only smoke group from this testng.xml on chrome headless and send me summary (passed/failed/skipped + failed names).',
  files=[('src/test/resources/testng-regression.xml', r'''
<!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
<suite name="Regression" parallel="classes" thread-count="3">
  <parameter name="browser" value="chrome"/>
  <parameter name="headless" value="false"/>
  <test name="Web">
    <groups>
      <run>
        <include name="smoke"/>
        <include name="regression"/>
        <exclude name="broken"/>
      </run>
    </groups>
    <classes>
      <class name="com.acme.shop.ui.LoginTest"/>
      <class name="com.acme.shop.ui.SearchTest"/>
      <class name="com.acme.shop.ui.CheckoutPageTest"/>
      <class name="com.acme.shop.ui.WishlistTest"/>
      <class name="com.acme.shop.ui.ProfileTest"/>
    </classes>
  </test>
</suite>
''')],
  lang='java', fw='testng')

t('complex', 'flaky-test-analysis',
  'Integration test "onlyOneInstanceRunsNightlyJob" fail sometime on CI: job run 2 times. We start 2 app instance in the test with same redis. '
  'Dev say test is bad, I think code is bad. Who is right?',
  files=[
    ('billing-service/src/main/java/com/acme/billing/job/RedisJobLock.java', r'''
package com.acme.billing.job;

import lombok.RequiredArgsConstructor;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

@Component
@RequiredArgsConstructor
public class RedisJobLock {

    private final StringRedisTemplate redis;

    public String tryLock(String job, Duration ttl) {
        String token = UUID.randomUUID().toString();
        Boolean ok = redis.opsForValue().setIfAbsent("lock:" + job, token);
        if (Boolean.TRUE.equals(ok)) {
            redis.expire("lock:" + job, ttl);
            return token;
        }
        return null;
    }

    public void unlock(String job, String token) {
        String current = redis.opsForValue().get("lock:" + job);
        if (token.equals(current)) {
            redis.delete("lock:" + job);
        }
    }
}
'''),
    ('billing-service/src/main/java/com/acme/billing/job/NightlyInvoiceJob.java', r'''
package com.acme.billing.job;

import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

@Component
@RequiredArgsConstructor
public class NightlyInvoiceJob {

    private final RedisJobLock lock;
    private final InvoiceRunService runs;

    @Scheduled(cron = "${billing.nightly.cron:0 0 2 * * *}")
    public void run() {
        String token = lock.tryLock("nightly-invoice", Duration.ofSeconds(30));
        if (token == null) {
            return;
        }
        try {
            runs.generateForDate(java.time.LocalDate.now().minusDays(1));  // 10s - 3min depending on data
        } finally {
            lock.unlock("nightly-invoice", token);
        }
    }
}
'''),
    ('billing-service/src/test/java/com/acme/billing/job/NightlyInvoiceJobIT.java', r'''
package com.acme.billing.job;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyInvoiceJobIT extends RedisContainerBase {

    @Test
    void onlyOneInstanceRunsNightlyJob() throws Exception {
        try (ConfigurableApplicationContext a = start("a"); ConfigurableApplicationContext b = start("b")) {
            seedInvoices(5000);   // makes run take ~40s on CI
            CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> a.getBean(NightlyInvoiceJob.class).run());
            Thread.sleep(35_000);
            CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> b.getBean(NightlyInvoiceJob.class).run());
            CompletableFuture.allOf(fa, fb).get();
            assertThat(countInvoiceRuns()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(BillingApplication.class)
            .properties("spring.application.name=billing-" + name, "server.port=0",
                        "billing.nightly.cron=-", "spring.data.redis.port=" + REDIS.getFirstMappedPort())
            .run();
    }
}
'''),
    ('ci/failed-run.log', r'''
12:01:03.411 [billing-a] NightlyInvoiceJob : lock acquired token=3f2a...; generating for 2024-06-09
12:01:38.420 [billing-b] NightlyInvoiceJob : lock acquired token=9c71...; generating for 2024-06-09
12:01:46.902 [billing-a] InvoiceRunService : run finished invoices=5000 took=43.4s
12:01:46.905 [billing-a] RedisJobLock : unlock skipped, token mismatch
12:02:29.150 [billing-b] InvoiceRunService : run finished invoices=5000 took=50.7s
expected: 1 but was: 2
'''),
    ('ci/passed-run.log', r'''
12:14:10.003 [billing-a] NightlyInvoiceJob : lock acquired token=71be...; generating for 2024-06-09
12:14:36.880 [billing-a] InvoiceRunService : run finished invoices=5000 took=26.8s
12:14:45.010 [billing-b] NightlyInvoiceJob : lock acquired token=05dd...; generating for 2024-06-09
12:14:47.112 [billing-b] InvoiceRunService : already generated for 2024-06-09, skip
'''),
  ],
  reqs=['explain both logs', 'say what can happen in prod with 3 pods', 'propose code fix and better test'],
  lang='java', fw='junit5')

t('simple', 'performance-testing',
  'Client PM dont read gatling html. Make short summary for email from this console output: what is ok, what KO, and if SLA p95<1s met.',
  files=[('results/gatling-console.txt', r'''
================================================================================
---- Global Information --------------------------------------------------------
> request count                                      48210 (OK=47802  KO=408   )
> min response time                                     12 (OK=12     KO=3001  )
> max response time                                   9874 (OK=4120   KO=9874  )
> mean response time                                   284 (OK=262    KO=2860  )
> std deviation                                        402 (OK=311    KO=1502  )
> response time 50th percentile                        168 (OK=165    KO=3004  )
> response time 75th percentile                        310 (OK=301    KO=3010  )
> response time 95th percentile                        902 (OK=840    KO=6120  )
> response time 99th percentile                       2110 (OK=1620   KO=9500  )
> mean requests/sec                                  80.35 (OK=79.67  KO=0.68  )
---- Response Time Distribution ------------------------------------------------
> t < 800 ms                                         45011 ( 93%)
> 800 ms <= t < 1200 ms                               1984 (  4%)
> t >= 1200 ms                                         807 (  2%)
> failed                                               408 (  1%)
---- Errors --------------------------------------------------------------------
> j.n.h.HttpConnectTimeoutException: HTTP connect timed out     301 (73.77%)
> status.find.in(200,201,409), but actually found 503           107 (26.23%)
================================================================================
---- Requests ------------------------------------------------------------------
> login                          OK=4820  KO=0    p95=410
> search                         OK=14388 KO=12   p95=620
> product detail                 OK=14350 KO=9    p95=540
> add to cart                    OK=9564  KO=297  p95=1380
> checkout                       OK=4680  KO=90   p95=1710
================================================================================
''')],
  lang=None, fw='gatling')

t('medium', 'defect-analysis',
  'Bug: when email sending fail during user registration, user is still saved in DB but client expect full rollback. '
  'There is @Transactional so why not rollback?? Code + log.',
  files=[
    ('user-service/src/main/java/com/acme/user/RegistrationService.java', r'''
package com.acme.user;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class RegistrationService {

    private final UserRepository users;
    private final WelcomeMailer mailer;
    private final AuditClient audit;

    public User register(RegisterCommand cmd) {
        validate(cmd);
        User u = doRegister(cmd);
        audit.send("USER_REGISTERED", u.getId());
        return u;
    }

    @Transactional
    protected User doRegister(RegisterCommand cmd) {
        User u = users.save(new User(cmd.email(), cmd.passwordHash(), cmd.locale()));
        try {
            mailer.sendWelcome(u);
        } catch (MailException e) {
            throw new RegistrationFailedException("mail failed", e);
        }
        return u;
    }

    private void validate(RegisterCommand cmd) {
        if (users.existsByEmail(cmd.email())) {
            throw new EmailTakenException(cmd.email());
        }
    }
}
'''),
    ('user-service/src/main/java/com/acme/user/RegistrationFailedException.java', r'''
package com.acme.user;

public class RegistrationFailedException extends Exception {
    public RegistrationFailedException(String msg, Throwable cause) { super(msg, cause); }
}
'''),
    ('logs/user-service.log', r'''
2024-06-12 14:22:01.551 DEBUG o.s.orm.jpa.JpaTransactionManager : Creating new transaction with name [org.springframework.data.jpa.repository.support.SimpleJpaRepository.save]: PROPAGATION_REQUIRED,ISOLATION_DEFAULT
2024-06-12 14:22:01.580 DEBUG o.s.orm.jpa.JpaTransactionManager : Committing JPA transaction on EntityManager [SessionImpl(118822046<open>)]
2024-06-12 14:22:06.602 WARN  c.a.user.WelcomeMailer : SMTP timeout smtp.acme-mail.internal:587
2024-06-12 14:22:06.610 ERROR c.a.user.web.RegistrationController : registration failed for new.user@example.org
com.acme.user.RegistrationFailedException: mail failed
	at com.acme.user.RegistrationService.doRegister(RegistrationService.java:28)
	at com.acme.user.RegistrationService.register(RegistrationService.java:18)
'''),
  ],
  reqs=['explain all reasons, I think more than one', 'fix + integration test that prove rollback'],
  lang='java', fw='spring-boot')

t('complex', 'defect-analysis',
  'Prod app freeze every 2-3 days, need restart. CPU low when frozen. Ops took thread dump (attach, its long). Please find what is going on.',
  files=[('ops/threaddump-2024-06-14.txt',
    '2024-06-14 03:12:44\nFull thread dump OpenJDK 64-Bit Server VM (21.0.2+13-LTS mixed mode, sharing):\n\n'
    + r'''"http-nio-8080-exec-17" #211 daemon prio=5 os_prio=0 cpu=812.44ms elapsed=171233.10s tid=0x00007f3a0c0a1000 nid=0x1d3f waiting for monitor entry  [0x00007f39b61fd000]
   java.lang.Thread.State: BLOCKED (on object monitor)
	at com.acme.pricing.PriceCache.refreshSku(PriceCache.java:88)
	- waiting to lock <0x00000006c1a2b3c8> (a java.util.HashMap)
	at com.acme.pricing.PriceService.priceFor(PriceService.java:54)
	- locked <0x00000006c0ff1e20> (a com.acme.pricing.PromotionRegistry)
	at com.acme.pricing.web.PriceController.get(PriceController.java:31)

"price-refresh-scheduler-1" #58 prio=5 os_prio=0 cpu=99120.10ms elapsed=171240.55s tid=0x00007f3a0c7e2800 nid=0x1a02 waiting for monitor entry  [0x00007f39c8bfe000]
   java.lang.Thread.State: BLOCKED (on object monitor)
	at com.acme.pricing.PromotionRegistry.activeFor(PromotionRegistry.java:42)
	- waiting to lock <0x00000006c0ff1e20> (a com.acme.pricing.PromotionRegistry)
	at com.acme.pricing.PriceCache.rebuildAll(PriceCache.java:61)
	- locked <0x00000006c1a2b3c8> (a java.util.HashMap)
	at com.acme.pricing.PriceCache$$Lambda/0x00007f3a1c2b1a30.run(Unknown Source)
	at java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:304)

"kafka-promo-listener-0-C-1" #77 prio=5 os_prio=0 cpu=4410.02ms elapsed=171238.01s tid=0x00007f3a0c9f1000 nid=0x1a19 waiting for monitor entry  [0x00007f39c80fd000]
   java.lang.Thread.State: BLOCKED (on object monitor)
	at com.acme.pricing.PromotionRegistry.replace(PromotionRegistry.java:67)
	- waiting to lock <0x00000006c0ff1e20> (a com.acme.pricing.PromotionRegistry)
	at com.acme.pricing.kafka.PromoListener.onMessage(PromoListener.java:29)

'''
    + lines(120, lambda i: (
        '"http-nio-8080-exec-%d" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f3a0d%06x nid=0x%x waiting for monitor entry  [0x00007f39b5%06x]\n'
        '   java.lang.Thread.State: BLOCKED (on object monitor)\n'
        '\tat com.acme.pricing.PriceService.priceFor(PriceService.java:49)\n'
        '\t- waiting to lock <0x00000006c0ff1e20> (a com.acme.pricing.PromotionRegistry)\n'
        '\tat com.acme.pricing.web.PriceController.get(PriceController.java:31)\n'
        % (i + 18, 212 + i, 300 + i * 7.3, 171200 - i * 0.5, i * 4096, 0x1d40 + i, i * 8192))
      if i % 10 != 9 else (
        '"ForkJoinPool.commonPool-worker-%d" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=171241.00s tid=0x00007f3a0e%06x nid=0x%x waiting on condition  [0x00007f39a1%06x]\n'
        '   java.lang.Thread.State: TIMED_WAITING (parking)\n'
        '\tat jdk.internal.misc.Unsafe.park(java.base@21.0.2/Native Method)\n'
        '\tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@21.0.2/LockSupport.java:269)\n'
        % (i // 10 + 1, 400 + i, 12.5 + i, i * 4096, 0x2100 + i, i * 8192)))
    + '\n\nFound one Java-level deadlock:\n=============================\n(output truncated by ops)\n'),
   ('pricing-service/src/main/java/com/acme/pricing/PriceCache.java', r'''
package com.acme.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

public class PriceCache {

    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final PromotionRegistry promos;
    private final BasePriceRepository base;

    public PriceCache(PromotionRegistry promos, BasePriceRepository base) {
        this.promos = promos;
        this.base = base;
    }

    // called every 5 min by scheduler
    public void rebuildAll() {
        synchronized (prices) {
            prices.clear();
            for (String sku : base.allSkus()) {
                prices.put(sku, promos.activeFor(sku).apply(base.priceOf(sku)));
            }
        }
    }

    public BigDecimal refreshSku(String sku) {
        synchronized (prices) {
            BigDecimal p = base.priceOf(sku);
            prices.put(sku, p);
            return p;
        }
    }

    public BigDecimal get(String sku) {
        return prices.get(sku);
    }
}
'''),
   ('pricing-service/src/main/java/com/acme/pricing/PriceService.java', r'''
package com.acme.pricing;

import java.math.BigDecimal;

public class PriceService {

    private final PriceCache cache;
    private final PromotionRegistry promos;

    public PriceService(PriceCache cache, PromotionRegistry promos) {
        this.cache = cache;
        this.promos = promos;
    }

    public BigDecimal priceFor(String sku) {
        BigDecimal cached = cache.get(sku);
        if (cached != null) {
            return cached;
        }
        synchronized (promos) {
            BigDecimal base = cache.refreshSku(sku);
            return promos.activeFor(sku).apply(base);
        }
    }
}
'''),
  ],
  reqs=['explain in simple words for client manager also', 'fix without big redesign', 'how to test that it will not come back'],
  lang='java', fw=None)

t('simple', 'quality-gate',
  'Sonar quality gate red in pipeline. Which condition is failing? paste from api below.',
  files=[('reports/sonar-gate.json', r'''
{
  "projectStatus": {
    "status": "ERROR",
    "conditions": [
      { "status": "OK", "metricKey": "new_reliability_rating", "comparator": "GT", "errorThreshold": "1", "actualValue": "1" },
      { "status": "OK", "metricKey": "new_security_rating", "comparator": "GT", "errorThreshold": "1", "actualValue": "1" },
      { "status": "OK", "metricKey": "new_maintainability_rating", "comparator": "GT", "errorThreshold": "1", "actualValue": "1" },
      { "status": "ERROR", "metricKey": "new_coverage", "comparator": "LT", "errorThreshold": "80", "actualValue": "64.3" },
      { "status": "ERROR", "metricKey": "new_duplicated_lines_density", "comparator": "GT", "errorThreshold": "3", "actualValue": "7.9" },
      { "status": "OK", "metricKey": "new_security_hotspots_reviewed", "comparator": "LT", "errorThreshold": "100", "actualValue": "100.0" }
    ],
    "period": { "mode": "REFERENCE_BRANCH", "parameter": "develop" }
  }
}
''')],
  lang=None)

t('medium', 'flaky-test-analysis',
  'Kafka consumer test sometimes fail on jenkins "expected 1 but was 0". Sleep 2 sec is there already. Increase to 5 sec? Or what better?',
  files=[
    ('order-service/src/test/java/com/acme/order/kafka/OrderEventsConsumerIT.java', r'''
package com.acme.order.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.kafka.consumer.auto-offset-reset=latest",
    "spring.kafka.consumer.group-id=order-service"
})
@EmbeddedKafka(partitions = 3, topics = "payments.completed")
class OrderEventsConsumerIT {

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OrderRepository orders;

    @Test
    void marksOrderPaidWhenPaymentCompleted() throws Exception {
        orders.save(Order.newOrder("o-500"));
        kafka.send("payments.completed", "o-500", "{\"orderId\":\"o-500\",\"status\":\"CAPTURED\"}");
        Thread.sleep(2000);
        assertThat(orders.countByIdAndStatus("o-500", OrderStatus.PAID)).isEqualTo(1);
    }
}
'''),
    ('jenkins/failed-run-excerpt.log', r'''
10:44:01.120 INFO  o.a.k.c.c.internals.ConsumerCoordinator : [Consumer clientId=consumer-order-service-1, groupId=order-service] Subscribed to topic(s): payments.completed
10:44:01.410 INFO  c.a.o.kafka.OrderEventsConsumerIT : Started OrderEventsConsumerIT in 6.3 seconds
10:44:01.530 DEBUG o.s.kafka.core.KafkaTemplate : Sent ok: ProducerRecord(topic=payments.completed, partition=1, key=o-500) offset=0
10:44:02.980 INFO  o.a.k.c.c.internals.ConsumerCoordinator : [Consumer clientId=consumer-order-service-1, groupId=order-service] Adding newly assigned partitions: payments.completed-0, payments.completed-1, payments.completed-2
10:44:02.991 INFO  o.a.k.c.c.internals.SubscriptionState : [Consumer clientId=consumer-order-service-1, groupId=order-service] Resetting offset for partition payments.completed-1 to position FetchPosition{offset=1, ...}
10:44:03.533 ERROR o.a.m.s.AbstractAssert : expected: 1 but was: 0
'''),
  ],
  reqs=['explain with log lines', 'give fixed test'],
  lang='java', fw='spring-kafka')

# why: checking a manifest against a fixed checklist of flags is lookup work, no code flow to reason about: simple
t('simple', 'security-scan',
  'Client checklist for store release: debuggable false, allowBackup false, no cleartext traffic, every exported component must have permission. '
  'Check our manifest against it, yes/no per point.',
  files=[('app/src/main/AndroidManifest.xml', r'''
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.delivery">
    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION" />
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />
    <application
        android:name=".DeliveryApp"
        android:allowBackup="false"
        android:debuggable="false"
        android:networkSecurityConfig="@xml/network_security_config"
        android:label="@string/app_name">
        <activity android:name=".ui.SplashActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
        </activity>
        <activity android:name=".ui.OrderActivity" android:exported="false" />
        <service android:name=".push.PushService" android:exported="false">
            <intent-filter>
                <action android:name="com.google.firebase.MESSAGING_EVENT" />
            </intent-filter>
        </service>
        <receiver android:name=".tracking.CourierLocationReceiver" android:exported="true">
            <intent-filter>
                <action android:name="com.acme.delivery.LOCATION_UPDATE" />
            </intent-filter>
        </receiver>
    </application>
</manifest>
'''),
   ('app/src/main/res/xml/network_security_config.xml', r'''
<network-security-config>
    <base-config cleartextTrafficPermitted="false" />
    <domain-config cleartextTrafficPermitted="true">
        <domain includeSubdomains="true">10.0.2.2</domain>
    </domain-config>
</network-security-config>
''')],
  lang='xml', fw=None)

t('complex', 'performance-testing',
  'When our backend was down 20 min last week, after it come up it go down again immediately, 3 times. All android phones reconnect same time. '
  'Client want a test that simulate this before next release and tell if new version survive. How to do it?',
  files=[
    ('app/src/main/java/com/acme/delivery/net/ReconnectPolicy.kt', r'''
package com.acme.delivery.net

import kotlin.math.min
import kotlin.math.pow

object ReconnectPolicy {
    // used by websocket tracking + sync worker
    fun delayMs(attempt: Int): Long = min(1000L * 2.0.pow(attempt).toLong(), 30_000L)
}
'''),
    ('app/src/main/java/com/acme/delivery/sync/StartupSync.kt', r'''
package com.acme.delivery.sync

class StartupSync(private val api: DeliveryApi, private val store: LocalStore) {
    // runs on every successful (re)connect
    suspend fun run() {
        api.refreshToken()
        val profile = api.profile()
        store.saveProfile(profile)
        store.saveOrders(api.activeOrders())
        store.saveZones(api.deliveryZones())          // ~400 KB json, no ETag
        api.registerPushToken(store.pushToken())
    }
}
'''),
    ('docs/backend-facts.txt', r'''
Active devices at peak: ~180k couriers + customers with app open
Websocket gateway: 4 pods, each max 60k connections, TLS terminated at ALB
auth-service refresh endpoint: bcrypt check of refresh token family, ~35 ms CPU per call, 3 pods x 2 vCPU
deliveryZones endpoint: reads from Postgres every call (no cache), ~120 ms
Autoscaling: HPA on CPU, new pod ready after ~90 s
ALB idle timeout 60 s; no rate limit configured on API gateway
Outage last week: 21 min, then 3 crash loops of auth-service (OOM) within 8 minutes after recovery
'''),
  ],
  reqs=['test design: tools, how to create 180k connections realistic', 'what to measure and pass/fail criteria',
        'also say what in app code makes it worse'],
  lang='kotlin', fw='k6')

t('medium', 'test-execution',
  'Run the integration tests of payment-service (they use testcontainers postgres and wiremock for PSP). On jenkins agent 3 tests fail. '
  'Tell me which is environment problem and which is real failure. Console attach.',
  files=[('jenkins/payment-it-console.txt', r'''
[INFO] --- maven-failsafe-plugin:3.2.5:integration-test (default) @ payment-service ---
[INFO] Running com.acme.payment.ChargeFlowIT
10:02:11.447 INFO  tc.postgres:15-alpine : Creating container for image: postgres:15-alpine
10:02:14.902 INFO  tc.postgres:15-alpine : Container postgres:15-alpine started in PT3.455S
10:02:15.120 INFO  o.f.core.internal.command.DbMigrate : Successfully applied 14 migrations to schema "public"
[INFO] Tests run: 6, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 21.3 s - in com.acme.payment.ChargeFlowIT
[INFO] Running com.acme.payment.RefundWebhookIT
[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 9.8 s <<< FAILURE! - in com.acme.payment.RefundWebhookIT
[ERROR] duplicateWebhookIsIgnored  Time elapsed: 1.2 s  <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <1> but was: <2>
	at com.acme.payment.RefundWebhookIT.duplicateWebhookIsIgnored(RefundWebhookIT.java:88)
[INFO] Running com.acme.payment.CurrencyConversionIT
[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 30.6 s <<< FAILURE! - in com.acme.payment.CurrencyConversionIT
[ERROR] convertsUsingDailyRates  Time elapsed: 30.1 s  <<< ERROR!
org.springframework.web.client.ResourceAccessException: I/O error on GET request for "https://api.fx-rates.example.com/v1/daily": Connect timed out
	at com.acme.payment.fx.FxRatesClient.daily(FxRatesClient.java:41)
[INFO] Running com.acme.payment.PspTimeoutIT
10:03:02.771 INFO  WireMockServer : Started on port 8089
[ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 2.1 s <<< FAILURE! - in com.acme.payment.PspTimeoutIT
[ERROR] chargeTimeoutMarksPending  Time elapsed: 0.4 s  <<< ERROR!
java.lang.IllegalStateException: Failed to start WireMock: java.net.BindException: Address already in use
[INFO] Running com.acme.payment.ReceiptPdfIT
[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 4.4 s - in com.acme.payment.ReceiptPdfIT
[INFO] Results:
[ERROR] Failures:
[ERROR]   RefundWebhookIT.duplicateWebhookIsIgnored:88 expected: <1> but was: <2>
[ERROR] Errors:
[ERROR]   CurrencyConversionIT.convertsUsingDailyRates » ResourceAccess I/O error on GET request for "https://api.fx-rates.example.com/v1/daily"
[ERROR]   PspTimeoutIT.chargeTimeoutMarksPending » IllegalState Failed to start WireMock: java.net.BindException
[ERROR] Tests run: 17, Failures: 1, Errors: 2, Skipped: 0
''')],
  reqs=['rerun the env ones after fix and confirm', 'for real failure give short bug report'],
  lang='java', fw='junit5')

# why: the run itself is one command, but reading the outcomes needs reasoning about check-then-act races on money (and a wrong test): complex
t('complex', 'test-execution',
  'Please run the wallet concurrency stress tests (jcstress) on the build agent, 8 cores. Last time dev run only on his laptop. '
  'Tell me if any FORBIDDEN result and what it mean for the money. Test + code below.',
  files=[
    ('wallet-core/src/main/java/com/acme/wallet/Wallet.java', r'''
package com.acme.wallet;

import java.util.concurrent.atomic.AtomicLong;

public class Wallet {

    private final AtomicLong balanceCents;
    private volatile long reservedCents;

    public Wallet(long initialCents) {
        this.balanceCents = new AtomicLong(initialCents);
    }

    public boolean debit(long amount) {
        long available = balanceCents.get() - reservedCents;
        if (available < amount) {
            return false;
        }
        balanceCents.addAndGet(-amount);
        return true;
    }

    public boolean reserve(long amount) {
        if (balanceCents.get() - reservedCents < amount) {
            return false;
        }
        reservedCents += amount;
        return true;
    }

    public void release(long amount) {
        reservedCents -= amount;
    }

    public long balance() { return balanceCents.get(); }
    public long reserved() { return reservedCents; }
}
'''),
    ('wallet-core/src/jcstress/java/com/acme/wallet/WalletStress.java', r'''
package com.acme.wallet;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.JJ_Result;
import org.openjdk.jcstress.infra.results.ZZJ_Result;

public class WalletStress {

    @JCStressTest
    @Outcome(id = "true, false, 0", expect = Expect.ACCEPTABLE, desc = "first debit wins")
    @Outcome(id = "false, true, 0", expect = Expect.ACCEPTABLE, desc = "second debit wins")
    @Outcome(id = "true, true, -100", expect = Expect.FORBIDDEN, desc = "overdraft")
    @Outcome(expect = Expect.FORBIDDEN, desc = "other")
    @State
    public static class TwoDebits {
        final Wallet w = new Wallet(100);
        @Actor public void a(ZZJ_Result r) { r.r1 = w.debit(100); }
        @Actor public void b(ZZJ_Result r) { r.r2 = w.debit(100); }
        @Arbiter public void check(ZZJ_Result r) { r.r3 = w.balance(); }
    }

    @JCStressTest
    @Outcome(id = "100, 0", expect = Expect.ACCEPTABLE, desc = "reserve then release")
    @Outcome(expect = Expect.FORBIDDEN, desc = "lost update on reserved")
    @State
    public static class ReserveRelease {
        final Wallet w = new Wallet(500);
        @Actor public void a() { w.reserve(100); w.release(100); }
        @Actor public void b() { w.reserve(100); }
        @Arbiter public void check(JJ_Result r) { r.r1 = w.reserved(); r.r2 = 0; }
    }
}
'''),
    ('wallet-core/build.gradle', r'''
plugins {
    id 'java'
    id 'io.github.reyerizo.gradle.jcstress' version '0.8.15'
}
jcstress {
    mode = 'quick'
    jvmArgsPrepend = '-Xmx1g'
}
'''),
  ],
  reqs=['use tough mode not quick', 'report table: test, outcome, count, expect', 'if test itself is wrong say it'],
  lang='java', fw='jcstress')

# why: two config files with common container misconfigurations; no auth or crypto logic to reason about: medium
t('medium', 'security-scan',
  'DevOps of client ask QA to check docker files for security before audit. I am not docker expert. Please check.',
  files=[
    ('order-service/Dockerfile', r'''
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
ARG NEXUS_PASSWORD=Nexus#Fake2024
RUN mvn -s settings.xml -Dnexus.password=$NEXUS_PASSWORD -DskipTests package

FROM eclipse-temurin:21
WORKDIR /app
COPY --from=build /src/target/order-service.jar app.jar
COPY --from=build /src/src/main/resources/application-prod.yml /app/config/
COPY --from=build /root/.m2 /root/.m2
RUN apt-get update && apt-get install -y curl netcat-traditional vim
ENV JAVA_TOOL_OPTIONS="-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"
EXPOSE 8080 5005
ENTRYPOINT ["java", "-jar", "app.jar"]
'''),
    ('deploy/docker-compose.yml', r'''
version: "3.9"
services:
  order-service:
    image: registry.acme.internal/order-service:latest
    ports:
      - "8080:8080"
      - "5005:5005"
    environment:
      SPRING_PROFILES_ACTIVE: prod
      DB_PASSWORD: Orders#Fake2024
    privileged: true
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
  postgres:
    image: postgres:15
    ports:
      - "5432:5432"
    environment:
      POSTGRES_PASSWORD: postgres
  redis:
    image: redis:7
    ports:
      - "6379:6379"
    command: ["redis-server", "--protected-mode", "no"]
'''),
  ],
  reqs=['order by risk', 'give fixed Dockerfile and compose'],
  lang=None, fw='docker')

t('simple', 'coverage-analysis',
  'Kover report for android :feature-cart module. Just list the functions with 0% so I make ticket for each.',
  files=[('reports/kover-feature-cart.txt', 'Class / function                                                  line%\n'
     + lines(42, lambda i: '%-66s %5.1f' % (
        'com.acme.shop.cart.%s.%s()' % (
            ['CartViewModel', 'CartRepository', 'PromoCodeUseCase', 'CartItemMapper', 'CartUiStateReducer', 'ShippingEstimator'][i // 7],
            ['load', 'addItem', 'removeItem', 'updateQty', 'applyPromo', 'clear', 'toUiModel'][i % 7]),
        [0.0, 87.5, 100.0, 62.5, 0.0, 100.0, 91.0, 45.0, 0.0, 100.0, 73.3, 100.0, 0.0, 88.0][(i * 5) % 14])))],
  lang='kotlin', fw='kover')

# why: mutation report of password-reset code: judging which survivors matter is security-critical reasoning (token expiry, reuse), not a mechanical list: complex
t('complex', 'coverage-analysis',
  'We run PIT on auth module for first time. Line coverage 94% but 23 mutant survived. Client ask which survived mutant is dangerous. Report and code attach.',
  files=[
    ('auth-service/src/main/java/com/acme/auth/reset/PasswordResetService.java', r'''
package com.acme.auth.reset;

import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

@Service
@RequiredArgsConstructor
public class PasswordResetService {

    private static final Duration TTL = Duration.ofMinutes(30);
    private static final int MAX_ATTEMPTS = 5;

    private final ResetTokenRepository tokens;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Transactional
    public String issue(String email) {
        var user = users.findByEmail(email).orElse(null);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        if (user != null) {
            tokens.invalidateAllFor(user.getId());
            tokens.save(new ResetToken(user.getId(), sha256(token), Instant.now(clock).plus(TTL)));
        }
        return token;
    }

    @Transactional
    public void reset(String token, String newPassword) {
        ResetToken t = tokens.findByHash(sha256(token)).orElseThrow(InvalidTokenException::new);
        if (t.isUsed() || Instant.now(clock).isAfter(t.getExpiresAt())) {
            throw new InvalidTokenException();
        }
        if (t.getAttempts() >= MAX_ATTEMPTS) {
            throw new InvalidTokenException();
        }
        if (!policy.isStrong(newPassword)) {
            t.setAttempts(t.getAttempts() + 1);
            throw new WeakPasswordException();
        }
        var user = users.findById(t.getUserId()).orElseThrow();
        user.setPasswordHash(encoder.encode(newPassword));
        user.setSessionVersion(user.getSessionVersion() + 1);
        t.setUsed(true);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
'''),
    ('reports/pit-survived.csv', r'''
class,method,line,mutator,description,status
PasswordResetService,issue,37,VoidMethodCallMutator,removed call to ResetTokenRepository::invalidateAllFor,SURVIVED
PasswordResetService,issue,38,PlusMutator (MathMutator),Replaced plus with minus on expiry,KILLED
PasswordResetService,reset,45,ConditionalsBoundaryMutator,changed conditional boundary isAfter,SURVIVED
PasswordResetService,reset,45,RemoveConditionalMutator_EQUAL_ELSE,removed conditional - replaced equality check with false (isUsed),SURVIVED
PasswordResetService,reset,48,ConditionalsBoundaryMutator,changed conditional boundary >= to >,SURVIVED
PasswordResetService,reset,52,IncrementsMutator,Replaced integer addition with subtraction (attempts),SURVIVED
PasswordResetService,reset,57,MathMutator,Replaced integer addition with subtraction (sessionVersion),SURVIVED
PasswordResetService,reset,57,VoidMethodCallMutator,removed call to User::setSessionVersion,SURVIVED
PasswordResetService,reset,58,VoidMethodCallMutator,removed call to ResetToken::setUsed,SURVIVED
PasswordResetService,sha256,64,EmptyObjectReturnValsMutator,replaced return value with "",SURVIVED
PasswordPolicy,isStrong,22,ConditionalsBoundaryMutator,changed conditional boundary length < 12,SURVIVED
PasswordPolicy,isStrong,25,NegateConditionalsMutator,negated conditional hasDigit,KILLED
LoginThrottle,register,31,ConditionalsBoundaryMutator,changed conditional boundary failures > 5,SURVIVED
LoginThrottle,register,34,PrimitiveReturnsMutator,replaced long return with 0 for lockSeconds,SURVIVED
LoginThrottle,isLocked,41,BooleanFalseReturnValsMutator,replaced boolean return with false,SURVIVED
JwtIssuer,issue,28,VoidMethodCallMutator,removed call to JwtBuilder::setExpiration,SURVIVED
JwtIssuer,issue,30,NullReturnValsMutator,replaced return value with null,KILLED
RefreshTokenService,rotate,44,VoidMethodCallMutator,removed call to RefreshTokenRepository::revokeFamily,SURVIVED
RefreshTokenService,rotate,47,NegateConditionalsMutator,negated conditional isRevoked,SURVIVED
AuthAuditLogger,log,19,VoidMethodCallMutator,removed call to Logger::info,SURVIVED
AuthAuditLogger,log,22,VoidMethodCallMutator,removed call to MDC::put,SURVIVED
EmailMasker,mask,12,MathMutator,Replaced integer subtraction with addition,SURVIVED
EmailMasker,mask,15,ConditionalsBoundaryMutator,changed conditional boundary,SURVIVED
UserMapper,toDto,18,EmptyObjectReturnValsMutator,replaced return value with "",SURVIVED
UserMapper,toDto,21,NullReturnValsMutator,replaced return value with null,SURVIVED
'''),
    ('auth-service/src/test/java/com/acme/auth/reset/PasswordResetServiceTest.java', r'''
package com.acme.auth.reset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class PasswordResetServiceTest extends ResetTestBase {

    @Test
    void validTokenResetsPassword() {
        String token = service.issue("ana@example.org");
        assertThatCode(() -> service.reset(token, "Very$trongPass123")).doesNotThrowAnyException();
    }

    @Test
    void unknownTokenRejected() {
        assertThatThrownBy(() -> service.reset("deadbeef", "Very$trongPass123")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void expiredTokenRejected() {
        String token = service.issue("ana@example.org");
        clock.advance(java.time.Duration.ofHours(2));
        assertThatThrownBy(() -> service.reset(token, "Very$trongPass123")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void weakPasswordRejected() {
        String token = service.issue("ana@example.org");
        assertThatThrownBy(() -> service.reset(token, "123")).isInstanceOf(WeakPasswordException.class);
    }
}
'''),
  ],
  reqs=['group survivors: security risk / real gap / ok to ignore', 'for the risky ones write the test that kills it',
        'also check: weak password attempt counter really saved? (transaction)'],
  lang='java', fw='pitest')

t('complex', 'quality-gate',
  'Client want one decision for "platform 2024.07" release: 7 services go together. Each team send own report, all say green. '
  'But I see some things not match. Please check all files and say release or not, and which service block.',
  files=[
    ('release/2024.07/manifest.yml', r'''
release: platform-2024.07
services:
  gateway:              { version: 5.8.0,  db_migration: none }
  user-service:         { version: 3.12.0, db_migration: V41__drop_legacy_phone.sql (irreversible) }
  catalog-service:      { version: 7.2.1,  db_migration: none }
  order-service:        { version: 6.0.0,  db_migration: V88__order_status_enum.sql }
  payment-service:      { version: 4.4.0,  db_migration: none }
  notification-service: { version: 2.9.3,  db_migration: none }
  android-app:          { version: 5.4.0,  min_supported_backend: 2024.07 }
gate:
  - all services unit/IT pass, coverage on new code >= 80%
  - consumer-driven contracts verified for the exact versions being released
  - no irreversible migration without tested rollback plan / expand-contract
  - perf regression <= 10% p95 vs previous release on shared load test
  - feature flags for new flows default OFF
'''),
    ('release/2024.07/pact-matrix.txt', r'''
CONSUMER              CONSUMER_VERSION  PROVIDER          PROVIDER_VERSION  VERIFIED
gateway               5.8.0             user-service      3.12.0            true
gateway               5.8.0             order-service     6.0.0             true
android-app           5.4.0             order-service     5.9.2             true
android-app           5.4.0             order-service     6.0.0             (not verified)
android-app           5.3.0             user-service      3.12.0            false  (field phoneLegacy missing)
order-service         6.0.0             payment-service   4.4.0             true
notification-service  2.9.3             order-service     6.0.0             false  (status "SHIPPED" not in enum: [CREATED,PAID,FULFILLED,DELIVERED,CANCELLED])
'''),
    ('release/2024.07/order-service-report.md', r'''
order-service 6.0.0 - team report: GREEN
Unit 812/812, IT 143/143, new code coverage 86%
Breaking: order status SHIPPED renamed to FULFILLED (V88 migration updates existing rows)
Feature flag new-checkout-flow: default ON (product owner request)
'''),
    ('release/2024.07/user-service-report.md', r'''
user-service 3.12.0 - team report: GREEN
Unit 530/530, IT 77/77, new code coverage 81%
V41 drops column users.phone_legacy (moved to user_phones in 3.10.0). Rollback: restore from snapshot (~2h)
Note: android 5.3.0 still reads phoneLegacy from /api/me; 38% of active users on 5.3.x per Play console
'''),
    ('release/2024.07/perf-compare.csv', r'''
endpoint,prev_p95_ms,new_p95_ms,change_pct
GET /api/products,310,322,3.9
GET /api/products/{id},180,176,-2.2
POST /api/cart/items,240,251,4.6
POST /api/checkout,1120,1390,24.1
GET /api/orders,260,240,-7.7
GET /api/me,95,97,2.1
'''),
    ('release/2024.07/payment-service-report.md', r'''
payment-service 4.4.0 - team report: GREEN
Unit 401/401, IT 16/17 (RefundWebhookIT.duplicateWebhookIsIgnored quarantined, ticket PAY-912), new code coverage 79.4%
'''),
    ('release/2024.07/notification-service-report.md', r'''
notification-service 2.9.3 - team report: GREEN
No code change, only dependency bump. Tests 120/120.
Consumes order-events topic, template selected by order status.
'''),
  ],
  reqs=['table per gate rule per service', 'final decision with blockers and what must happen to unblock',
        'if partial release possible (some services), say which order'],
  lang=None)

# why: executing the saga suite means bringing up 4 services + Kafka and telling which step and which compensation broke across services: complex
t('complex', 'test-execution',
  'Run the e2e saga tests (order -> inventory -> payment -> shipping) with the docker compose. Last night 2 fail. '
  'I need which saga step fail and if compensation run correct. Compose and test list and the log from last night attach.',
  files=[
    ('e2e/docker-compose.e2e.yml', r'''
services:
  kafka:
    image: bitnami/kafka:3.7
    environment:
      KAFKA_CFG_NODE_ID: 1
      KAFKA_CFG_PROCESS_ROLES: broker,controller
      KAFKA_CFG_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
      KAFKA_CFG_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
      KAFKA_CFG_CONTROLLER_LISTENER_NAMES: CONTROLLER
  postgres:
    image: postgres:15
    environment: { POSTGRES_PASSWORD: e2e-only }
  order-service:     { image: registry.acme.internal/order-service:6.0.0-rc2, depends_on: [kafka, postgres] }
  inventory-service: { image: registry.acme.internal/inventory-service:3.3.0, depends_on: [kafka, postgres] }
  payment-service:   { image: registry.acme.internal/payment-service:4.4.0, depends_on: [kafka, postgres, psp-mock] }
  shipping-service:  { image: registry.acme.internal/shipping-service:2.1.0, depends_on: [kafka, postgres] }
  psp-mock:          { build: ./psp-mock }   # wiremock 3.5.2 + stubs from ./psp-stubs
'''),
    ('e2e/src/test/java/com/acme/e2e/OrderSagaE2ETest.java', r'''
package com.acme.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class OrderSagaE2ETest extends E2EBase {

    @Test
    void happyPath() {
        String id = api.createOrder("sku-1", 1, "card-ok");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(id).equals("FULFILLED"));
        assertThat(inventory.reserved("sku-1")).isZero();
        assertThat(shipping.hasShipment(id)).isTrue();
    }

    @Test
    void paymentDeclinedReleasesStock() {
        int before = inventory.available("sku-2");
        String id = api.createOrder("sku-2", 2, "card-declined");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(id).equals("CANCELLED"));
        assertThat(inventory.available("sku-2")).isEqualTo(before);
    }

    @Test
    void shippingFailureRefundsAndReleases() {
        int before = inventory.available("sku-3");
        String id = api.createOrder("sku-3", 1, "card-ok", "address-undeliverable");
        await().atMost(Duration.ofSeconds(45)).until(() -> api.orderStatus(id).equals("CANCELLED"));
        assertThat(payment.refundedAmount(id)).isEqualTo(payment.capturedAmount(id));
        assertThat(inventory.available("sku-3")).isEqualTo(before);
    }

    @Test
    void pspTimeoutThenLateSuccessDoesNotDoubleCharge() {
        String id = api.createOrder("sku-4", 1, "card-slow-8s");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.orderStatus(id).matches("FULFILLED|CANCELLED"));
        assertThat(payment.captureCount(id)).isLessThanOrEqualTo(1);
        if (api.orderStatus(id).equals("CANCELLED")) {
            assertThat(payment.refundedAmount(id)).isEqualTo(payment.capturedAmount(id));
        }
    }
}
'''),
    ('e2e/logs/nightly-2024-07-02.log', r'''
[e2e] happyPath PASSED (6.2s)
[e2e] paymentDeclinedReleasesStock PASSED (4.9s)
[e2e] shippingFailureRefundsAndReleases FAILED: expected available 50 but was 49
  order-service     02:11:04.210 saga o-9121 step=SHIPPING_FAILED -> compensate [REFUND_PAYMENT, RELEASE_STOCK]
  payment-service   02:11:04.402 refund o-9121 amount=19.90 ok
  inventory-service 02:11:04.388 WARN release for o-9121 ignored: reservation state=COMMITTED (committed at PAYMENT_CAPTURED)
  order-service     02:11:04.530 saga o-9121 status=CANCELLED
[e2e] pspTimeoutThenLateSuccessDoesNotDoubleCharge FAILED: expected captureCount <= 1 but was 2
  payment-service   02:12:10.003 capture o-9133 attempt=1 psp timeout after 5000ms
  order-service     02:12:10.010 saga o-9133 step=PAYMENT_FAILED -> compensate [RELEASE_STOCK]
  order-service     02:12:10.950 saga o-9133 retry policy: resubmit payment (attempt 2)
  payment-service   02:12:11.020 capture o-9133 attempt=2 ok ref=psp_77b
  psp-mock          02:12:13.004 late response attempt=1 200 CAPTURED ref=psp_77a
  payment-service   02:12:13.010 webhook psp_77a CAPTURED for o-9133 -> recorded
  order-service     02:12:13.200 saga o-9133 status=FULFILLED
  inventory-service 02:12:10.060 release o-9133 ok
  inventory-service 02:12:11.300 reserve o-9133 failed: OUT_OF_STOCK (sku-4 available=0) -> event ignored, saga already past step
'''),
  ],
  reqs=['run 3 times to see if same result', 'per failure: which service is wrong, and is it test bug or product bug', 'short bug report for each real bug'],
  lang='java', fw='junit5')
