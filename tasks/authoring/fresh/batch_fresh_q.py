from lib import t, lines

# Persona: developer at a small web agency (five people) building client sites.
# Day-to-day stack: PHP/Laravel, custom WordPress plugins and WooCommerce tweaks, a couple of
# Ruby on Rails apps we inherited, jQuery on older themes and Vue 3 on newer storefronts.
# Work is client-driven ("the client says..."): shop checkouts, contact forms, booking tools,
# and moving sites between hosting providers.

# ---- helper data for long, regular artefacts -------------------------------------------------

_EA_FUNCS = [
    'ea_register_post_type', 'ea_register_taxonomies', 'ea_enqueue_assets', 'ea_admin_menu',
    'ea_settings_page', 'ea_save_settings', 'ea_event_meta_box', 'ea_save_event_meta',
    'ea_format_date_range', 'ea_is_all_day', 'ea_get_upcoming', 'ea_get_past',
    'ea_shortcode_agenda', 'ea_shortcode_single', 'ea_render_calendar', 'ea_month_grid',
    'ea_ical_export', 'ea_ical_escape', 'ea_google_calendar_link', 'ea_rest_routes',
    'ea_rest_list_events', 'ea_rest_get_event', 'ea_cron_schedule', 'ea_cron_cleanup',
    'ea_recurring_expand', 'ea_recurring_exceptions', 'ea_venue_select', 'ea_venue_map_embed',
    'ea_ticket_link', 'ea_sold_out_badge', 'ea_widget_register', 'ea_widget_render',
    'ea_block_register', 'ea_block_render', 'ea_uninstall_cleanup', 'ea_migrate_v1_meta',
]

def _ea_cov(i):
    name = _EA_FUNCS[i]
    total = 6 + (i * 7) % 23
    covered = 0 if i % 5 == 2 or i % 11 == 7 else max(1, total - (i % 4))
    pct = 100.0 * covered / total
    if 'admin' in name or 'settings' in name or 'meta' in name:
        path = 'admin/class-ea-admin.php'
    elif 'rest' in name:
        path = 'includes/rest-api.php'
    elif 'ical' in name or 'google' in name:
        path = 'includes/export.php'
    elif 'cron' in name or 'uninstall' in name or 'migrate' in name:
        path = 'includes/maintenance.php'
    elif any(k in name for k in ('shortcode', 'render', 'month', 'widget', 'block', 'badge', 'link', 'venue')):
        path = 'includes/frontend.php'
    else:
        path = 'includes/functions.php'
    return f'{name},{path},{total},{covered},{pct:.2f}'

_RV_TESTS = [
    ('Tests\\Unit\\QuoteCalculatorTest', ['it_adds_installation_costs', 'it_applies_volume_discount', 'it_rounds_to_whole_euros', 'it_rejects_negative_width', 'it_handles_custom_fabric']),
    ('Tests\\Unit\\FabricCatalogTest', ['it_loads_catalog_from_cache', 'it_filters_by_colour', 'it_hides_discontinued_fabrics']),
    ('Tests\\Feature\\ShowroomBookingTest', ['guest_can_book_a_showroom_slot', 'booking_sends_confirmation', 'fully_booked_day_is_not_selectable', 'admin_can_cancel_booking']),
    ('Tests\\Feature\\QuoteRequestTest', ['quote_form_validates_measurements', 'quote_pdf_is_generated', 'quote_is_emailed_to_sales', 'quote_request_is_stored']),
    ('Tests\\Feature\\ProjectGalleryTest', ['gallery_lists_published_projects', 'gallery_filters_by_room', 'gallery_paginates']),
]
_RV_FLAT = [(c, m) for c, ms in _RV_TESTS for m in ms]
_RV_FAIL = {'it_rounds_to_whole_euros', 'quote_pdf_is_generated', 'fully_booked_day_is_not_selectable'}

def _rv_line(i):
    cls, meth = _RV_FLAT[i % len(_RV_FLAT)]
    run = i // len(_RV_FLAT)
    mark = '✘' if meth in _RV_FAIL and run == 0 else '✔'
    ms = 40 + (i * 37) % 900
    return f' {mark} {cls}::{meth}{"" if run == 0 else " with data set #" + str(run)}  [{ms} ms]'

_ADVISORIES = [
    ('guzzlehttp/guzzle', 'high', 'Cookie header leaked on cross-domain redirect', '>=7.0.0,<7.4.5'),
    ('symfony/http-kernel', 'medium', 'Cache poisoning via X-Forwarded-Prefix', '>=5.0.0,<5.4.20'),
    ('laravel/framework', 'high', 'Unexpected bypass of file validation rule', '>=9.0.0,<9.52.16'),
    ('league/commonmark', 'low', 'Quadratic complexity with nested brackets', '>=2.0.0,<2.4.1'),
    ('phpseclib/phpseclib', 'critical', 'Signature check bypass in RSA verify', '>=3.0.0,<3.0.19'),
    ('dompdf/dompdf', 'critical', 'Remote code execution through font cache', '>=1.0.0,<2.0.3'),
    ('monolog/monolog', 'low', 'Log injection through newline in context', '>=2.0.0,<2.3.5'),
    ('nesbot/carbon', 'medium', 'Path traversal in locale loading', '>=2.0.0,<2.72.2'),
    ('symfony/mime', 'medium', 'Header injection in Address parsing', '>=5.0.0,<5.4.17'),
    ('intervention/image', 'high', 'Unbounded memory in GIF decoder', '>=2.0.0,<2.7.2'),
    ('phpoffice/phpspreadsheet', 'critical', 'XXE in XLSX reader', '>=1.0.0,<1.29.1'),
    ('tightenco/ziggy', 'low', 'Route list disclosure in debug mode', '>=1.0.0,<1.8.0'),
    ('spatie/laravel-medialibrary', 'medium', 'Conversion of untrusted SVG files', '>=10.0.0,<10.11.3'),
]

def _adv_block(i):
    pkg, sev, title, aff = _ADVISORIES[i]
    ghsa = 'GHSA-' + '-'.join(format((i * 7919 + k * 104729) % 46656, '04x')[:4] for k in range(3))
    rows = [('Package', pkg), ('Severity', sev), ('Advisory ID', ghsa), ('Title', title),
            ('Affected versions', aff), ('Reported at', f'2024-0{1 + i % 9}-{10 + i:02d}T08:00:00+00:00')]
    bar = '+-------------------+' + '-' * 62 + '+'
    return '\n'.join([bar] + [f'| {k:<17} | {v:<60} |' for k, v in rows] + [bar])

_VD_FILES = [
    ('app/Services/QuoteCalculator.php', ['Method App\\Services\\QuoteCalculator::total() should return int but returns float.',
                                          'Parameter #1 $num of function round expects float|int, string given.',
                                          'Cannot access property $rate on App\\Models\\VatRate|null.']),
    ('app/Http/Controllers/ServiceRequestController.php', ['Call to an undefined method Illuminate\\Http\\Request::validated().',
                                                          'Variable $technician might not be defined.']),
    ('app/Models/Installation.php', ['Property App\\Models\\Installation::$casts type has no value type specified in iterable type array.',
                                     'Method App\\Models\\Installation::scopeDue() has no return type specified.']),
    ('app/Jobs/SyncWithExactOnline.php', ['Parameter #2 $context of method Psr\\Log\\LoggerInterface::error() expects array, string given.',
                                          'Access to an undefined property object::$ID.',
                                          'Dead catch - GuzzleHttp\\Exception\\ConnectException is never thrown in the try block.']),
    ('app/Support/PlanningHelper.php', ['Function planning_week_number() has parameter $date with no type specified.']),
]

def _vd_error(i):
    path, msgs = _VD_FILES[(i * 3) % len(_VD_FILES)]
    msg = msgs[i % len(msgs)]
    line = 20 + (i * 41) % 260
    return f'{path}:{line}:{msg}'

_JM_ROWS = [
    ('GET /', 4210, 182, 240, 610, 0.00),
    ('GET /collectie', 3980, 310, 420, 1180, 0.00),
    ('GET /collectie/{slug}', 3655, 265, 390, 890, 0.05),
    ('GET /zoeken?q=', 2140, 690, 1320, 3900, 0.42),
    ('POST /winkelwagen/toevoegen', 1820, 140, 210, 480, 0.00),
    ('GET /winkelwagen', 1790, 220, 350, 720, 0.00),
    ('POST /winkelwagen/kortingscode', 640, 380, 910, 2400, 1.25),
    ('GET /afrekenen', 1210, 410, 640, 1500, 0.08),
    ('POST /afrekenen/verzendmethode', 1150, 290, 450, 980, 0.00),
    ('POST /afrekenen/betalen', 1090, 980, 2100, 7400, 2.94),
    ('GET /betaling/terug', 1040, 520, 880, 2300, 0.19),
    ('GET /account/bestellingen', 420, 350, 610, 1400, 0.00),
    ('GET /api/voorraad/{sku}', 5120, 95, 160, 520, 0.00),
    ('GET /sitemap.xml', 60, 2400, 3100, 4200, 0.00),
]

def _jm_row(i):
    label, n, avg, p90, p99, err = _JM_ROWS[i]
    p95 = int(p90 + (p99 - p90) * 0.35)
    return f'"{label}",{n},{avg},{int(avg * 0.82)},{p90},{p95},{p99},{int(avg * 0.2)},{p99 + 900},{err:.2f}%,{n / 900:.2f}'

# ---- tasks -----------------------------------------------------------------------------------

# why: the client email is only context; the code is one ten-line pure helper, simple by the rubric
t('simple', 'test-generation',
  "Forwarding this from Marieke at Bloemenhuis Jansen: \"Hi! When I add a bouquet called something like "
  "'Zomer & Zon — Extra Groot' the web address comes out weird. Can you make sure it's right before we add "
  "the autumn range? We've got about 200 products coming and I don't want to redo the links later.\" "
  "I already fixed the helper below. Can you write a handful of PHPUnit tests for bj_slugify so it stays "
  "fixed? Nothing fancy, WP test bootstrap is already set up so remove_accents() exists.",
  files=[('wp-content/plugins/bloemenhuis-core/includes/slug.php', r'''
<?php
/**
 * Turn a product name into a URL slug.
 * "Zomer & Zon — Extra Groot" => "zomer-en-zon-extra-groot"
 */
function bj_slugify( string $name ): string {
	$name = str_replace( '&', ' en ', $name );
	$name = remove_accents( $name );
	$name = strtolower( $name );
	$name = preg_replace( '/[^a-z0-9]+/', '-', $name );
	$name = trim( $name, '-' );

	return $name === '' ? 'product' : $name;
}
''')],
  fw='phpunit', lang='php')

t('complex', 'security-scan',
  "Client's support team wants a 'log in as this customer' button in the admin so they can see what the "
  "customer sees. I knocked this up in an afternoon. Can you look it over before it goes live on Friday?",
  files=[('app/Http/Controllers/Admin/ImpersonateController.php', r'''
<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Models\User;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;

class ImpersonateController extends Controller
{
    public function start(Request $request, User $user)
    {
        if (! $request->user()->is_staff) {
            abort(403);
        }

        session(['impersonator_id' => $request->user()->id]);
        Auth::login($user);

        return redirect('/account');
    }

    public function stop(Request $request)
    {
        $id = $request->input('impersonator_id', session('impersonator_id'));

        Auth::loginUsingId($id);
        session()->forget('impersonator_id');

        return redirect('/admin/customers');
    }
}
'''), ('routes/web.php', r'''
<?php

use App\Http\Controllers\Admin\ImpersonateController;
use Illuminate\Support\Facades\Route;

Route::middleware(['auth'])->group(function () {
    Route::get('/admin/impersonate/{user}', [ImpersonateController::class, 'start'])->name('admin.impersonate');
    Route::get('/impersonate/stop', [ImpersonateController::class, 'stop'])->name('impersonate.stop');
});
''')],
  lang='php', fw='laravel')

t('simple', 'performance-testing',
  "Ran ab against the law firm's staging homepage. The client wants a one-line answer: how many requests per "
  "second can it do and how slow are the slowest 5%? Also, briefly, what does the 'Failed requests: 37 (Length)' bit mean?",
  files=[('ab-homepage.txt', r'''
This is ApacheBench, Version 2.3 <$Revision: 1903618 $>
Benchmarking staging.vanderlinden-advocaten.test (be patient)
Completed 100 requests
Completed 200 requests
Completed 300 requests
Completed 400 requests
Completed 500 requests
Completed 600 requests
Completed 700 requests
Completed 800 requests
Completed 900 requests
Completed 1000 requests
Finished 1000 requests


Server Software:        nginx/1.24.0
Server Hostname:        staging.vanderlinden-advocaten.test
Server Port:            443
SSL/TLS Protocol:       TLSv1.3,TLS_AES_256_GCM_SHA384,2048,256

Document Path:          /
Document Length:        48213 bytes

Concurrency Level:      20
Time taken for tests:   38.412 seconds
Complete requests:      1000
Failed requests:        37
   (Connect: 0, Receive: 0, Length: 37, Exceptions: 0)
Total transferred:      48731455 bytes
HTML transferred:       48213000 bytes
Requests per second:    26.03 [#/sec] (mean)
Time per request:       768.240 [ms] (mean)
Time per request:       38.412 [ms] (mean, across all concurrent requests)
Transfer rate:          1238.93 [Kbytes/sec] received

Connection Times (ms)
              min  mean[+/-sd] median   max
Connect:       12   31  18.2     27     214
Processing:   221  735 402.7    644    4120
Waiting:      198  702 398.1    611    4087
Total:        241  766 403.9    672    4151

Percentage of the requests served within a certain time (ms)
  50%    672
  66%    781
  75%    869
  80%    941
  90%   1212
  95%   1530
  98%   2104
  99%   2688
 100%   4151 (longest request)
''')],
  fw='apachebench', lang=None)

t('medium', 'test-generation',
  "This is the contact form controller we reuse on most Laravel client sites. We never actually wrote tests for "
  "it and now a client asked for proof it 'can't be spammed'. Please write feature tests.",
  files=[('app/Http/Controllers/ContactFormController.php', r'''
<?php

namespace App\Http\Controllers;

use App\Mail\ContactFormSubmitted;
use App\Models\ContactSubmission;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Mail;
use Illuminate\Support\Facades\RateLimiter;

class ContactFormController extends Controller
{
    public function store(Request $request): RedirectResponse
    {
        // honeypot: real people never fill the hidden "website" field
        if ($request->filled('website')) {
            Log::info('Contact form honeypot triggered', ['ip' => $request->ip()]);

            return redirect()->route('contact.thanks');
        }

        $key = 'contact:' . $request->ip();
        if (RateLimiter::tooManyAttempts($key, 5)) {
            return back()
                ->withErrors(['form' => __('Too many messages, please try again later.')])
                ->withInput();
        }
        RateLimiter::hit($key, 3600);

        $data = $request->validate([
            'name' => ['required', 'string', 'max:120'],
            'email' => ['required', 'email:rfc'],
            'phone' => ['nullable', 'regex:/^[0-9 +()-]{6,20}$/'],
            'subject' => ['required', 'in:quote,support,other'],
            'message' => ['required', 'string', 'min:10', 'max:5000'],
            'privacy' => ['accepted'],
        ]);

        $submission = ContactSubmission::create($data + ['ip' => $request->ip()]);

        $recipient = match ($data['subject']) {
            'quote' => config('contact.sales_address'),
            'support' => config('contact.support_address'),
            default => config('contact.general_address'),
        };

        try {
            Mail::to($recipient)->queue(new ContactFormSubmitted($submission));
        } catch (\Throwable $e) {
            Log::error('Contact mail could not be queued', ['id' => $submission->id, 'error' => $e->getMessage()]);
            $submission->update(['mail_failed' => true]);
        }

        return redirect()->route('contact.thanks');
    }
}
''')],
  reqs=['Pest, with Mail::fake() — no real SMTP', 'cover the honeypot, the rate limit and the branch where queueing the mail throws',
        'check each subject goes to the right address'],
  fw='pest', lang='php')

t('complex', 'flaky-test-analysis',
  "This test for our 'limited drops' WooCommerce plugin fails maybe 1 run in 10 on CI, never on my laptop. "
  "The client sells 50-pair sneaker drops, so if this is real it's a big deal. Why does it flake?",
  files=[('wp-content/plugins/limited-drops/includes/reserve.php', r'''
<?php
add_action( 'rest_api_init', function () {
	register_rest_route( 'ld/v1', '/reserve', [
		'methods'             => 'POST',
		'callback'            => 'ld_rest_reserve',
		'permission_callback' => '__return_true',
	] );
} );

function ld_rest_reserve( WP_REST_Request $request ) {
	$result = ld_reserve_stock( (int) $request['product_id'], max( 1, (int) $request['qty'] ) );
	if ( is_wp_error( $result ) ) {
		return new WP_REST_Response( [ 'error' => $result->get_error_message() ], 409 );
	}
	return new WP_REST_Response( [ 'reservation' => $result ], 201 );
}

function ld_reserve_stock( $product_id, $qty ) {
	$stock = (int) get_post_meta( $product_id, '_ld_stock', true );
	if ( $stock < $qty ) {
		return new WP_Error( 'ld_sold_out', __( 'Sorry, sold out.', 'limited-drops' ) );
	}

	// payment provider pre-auth happens inside, takes 100-400 ms
	$reservation_id = ld_create_reservation( $product_id, $qty );

	update_post_meta( $product_id, '_ld_stock', $stock - $qty );
	return $reservation_id;
}
'''), ('tests/integration/ReserveStockTest.php', r'''
<?php
class ReserveStockTest extends LD_Http_TestCase {

	public function test_never_oversells_under_parallel_checkout() {
		update_post_meta( $this->product_id, '_ld_stock', 5 );

		$responses = $this->fire_parallel( '/wp-json/ld/v1/reserve', 8, [
			'product_id' => $this->product_id,
			'qty'        => 1,
		] );

		$ok = array_filter( $responses, fn( $r ) => $r['status'] === 201 );
		$this->assertCount( 5, $ok );
		$this->assertSame( 0, (int) get_post_meta( $this->product_id, '_ld_stock', true ) );
	}
}
'''), ('ci-run-1187.log', r'''
PHPUnit 9.6.15 by Sebastian Bergmann and contributors.

.....F..                                                            8 / 8 (100%)

There was 1 failure:

1) ReserveStockTest::test_never_oversells_under_parallel_checkout
Failed asserting that actual size 7 matches expected size 5.

tests/integration/ReserveStockTest.php:12

FAILURES!
Tests: 8, Assertions: 19, Failures: 1.
''')],
  fw='phpunit', lang='php')

# why: a single well-known MySQL/MariaDB error with a standard fix; no investigation across code needed
t('simple', 'defect-analysis',
  "Moving a client's old Laravel 5.8 site to their new budget host and `php artisan migrate` dies on the very "
  "first migration. What's going on and what's the quickest fix?",
  files=[('terminal.txt', r'''
$ mysql --version
mysql  Ver 15.1 Distrib 10.1.48-MariaDB, for debian-linux-gnu (x86_64) using readline 5.2

$ php artisan migrate
Migration table created successfully.
Migrating: 2014_10_12_000000_create_users_table

   Illuminate\Database\QueryException  : SQLSTATE[42000]: Syntax error or access violation: 1071 Specified key was too long; max key length is 767 bytes (SQL: alter table `users` add unique `users_email_unique`(`email`))

  at vendor/laravel/framework/src/Illuminate/Database/Connection.php:664
    660|         // If an exception occurs when attempting to run a query, we'll format the error
    661|         // message to include the bindings with SQL, which will make this exception a
    662|         // lot more helpful to the developer instead of just the database's errors.
    663|         catch (Exception $e) {
  > 664|             throw new QueryException(
    665|                 $query, $this->prepareBindings($bindings), $e
    666|             );
    667|         }
''')],
  lang='php', fw='laravel')

t('medium', 'coverage-analysis',
  "Physio clinic booking app (Rails). The client wants 'more tests' but the budget is two days. Based on this "
  "SimpleCov output, which models should we cover first and which of the missed bits worry you?",
  files=[('coverage/summary.txt', r'''
SimpleCov report for booking-app (minitest) — generated 2024-03-14 10:22
All Files: 71.4% line, 52.8% branch (2318 / 3246 lines)

app/models
  File                              Lines  Relevant  Covered  Missed  Line %  Branch %
  app/models/appointment.rb           212       148      131      17   88.5%    74.1%
  app/models/availability_rule.rb     164       117       49      68   41.9%    22.5%
  app/models/cancellation.rb           61        38       38       0  100.0%   100.0%
  app/models/customer.rb               94        57       52       5   91.2%    83.3%
  app/models/gift_voucher.rb          118        79       21      58   26.6%    10.0%
  app/models/holiday.rb                33        18       18       0  100.0%      n/a
  app/models/invoice.rb               147        96       60      36   62.5%    45.0%
  app/models/practitioner.rb           72        44       40       4   90.9%    75.0%
  app/models/reminder.rb               55        31       12      19   38.7%    25.0%
  app/models/room.rb                   29        14       14       0  100.0%      n/a
  app/models/treatment.rb              88        51       47       4   92.2%    87.5%

Missed lines (selected)
  availability_rule.rb: 41-58  (#slots_for with recurring exceptions)
  availability_rule.rb: 77-102 (#overlaps?)
  availability_rule.rb: 130-149 (DST handling in #expand)
  gift_voucher.rb: 22-40  (#redeem!)
  gift_voucher.rb: 55-71  (#partial_redeem)
  gift_voucher.rb: 88-110 (#expired? / #extend!)
  invoice.rb: 64-79   (#apply_credit_note)
  invoice.rb: 101-118 (#vat_breakdown for mixed rates)
  reminder.rb: 18-36  (#due_at with practitioner timezone)
''')],
  reqs=['rank by risk to the client (money and missed appointments), not by percentage alone'],
  fw='minitest', lang='ruby')

t('complex', 'performance-testing',
  "Outdoor gear client expects about 10x normal traffic on Black Friday. Last year the site fell over at roughly "
  "400 concurrent users and nobody really knows why. I need a proper load test plan plus k6 scripts that cover "
  "the whole thing: browsing, search, cart, checkout through the payment sandbox, and the order export the "
  "warehouse staff run all day.",
  files=[('docs/infrastructure.md', r'''
# Buitensport Brouwer — production setup (as of October)

- 2x app servers (4 vCPU / 8 GB), nginx + php8.2-fpm, pm.max_children = 24 each
- DigitalOcean load balancer in front, sticky sessions OFF
- Managed MySQL 8 (2 vCPU), one read replica used by the search and category pages
- Redis (managed, 1 GB) for cache, sessions and the queue
- Laravel Horizon on app server 1 only: queues "default", "mail", "exports"
- Meilisearch on a separate 2 GB droplet for product search
- Vue 3 storefront is served by Laravel (Inertia), images from a Spaces CDN
- Payment: Mollie (hosted checkout), webhook to /webhooks/mollie
- Stock sync: every 5 minutes a scheduled job pulls stock from the warehouse API (rate limit 60 req/min)
'''), ('route-list.txt', r'''
  GET|HEAD   / ........................................ home › HomeController@index
  GET|HEAD   categorie/{slug} ......................... category › CategoryController@show
  GET|HEAD   product/{slug} ........................... product › ProductController@show
  GET|HEAD   zoeken ................................... search › SearchController@index
  GET|HEAD   api/zoeken/suggesties .................... search.suggest › SearchController@suggest
  POST       winkelwagen .............................. cart.add › CartController@store
  PATCH      winkelwagen/{line} ....................... cart.update › CartController@update
  GET|HEAD   winkelwagen .............................. cart › CartController@index
  POST       winkelwagen/kortingscode ................. cart.coupon › CouponController@apply
  GET|HEAD   afrekenen ................................ checkout › CheckoutController@show
  POST       afrekenen ................................ checkout.place › CheckoutController@store
  GET|HEAD   betaling/terug ........................... payment.return › PaymentController@return
  POST       webhooks/mollie .......................... webhooks.mollie › MollieWebhookController
  GET|HEAD   beheer/bestellingen/export ............... admin.orders.export › Admin\OrderExportController
'''), ('docs/incident-black-friday-last-year.md', r'''
Timeline (from memory + Slack):
- 09:00 newsletter sent, traffic ramps up
- 09:12 search suggestions very slow (2-5 s)
- 09:20 checkout 502s on app server 2, app server 1 fine-ish
- 09:25 warehouse staff start the order export "because orders are piling up"
- 09:31 MySQL CPU 100%, everything times out
- 09:50 we disabled the export and restarted php-fpm, site recovered slowly
- Mollie webhooks were retried for hours; some orders stayed "pending" until the next day
''')],
  reqs=['never hit the real Mollie API; use their test mode or a stub', 'model realistic user journeys and think times, not just URL hammering',
        'include the export running at the same time as checkout traffic', 'say what to monitor on each component during the run'],
  fw='k6', lang='javascript')

# why: lots of background, but the actual task is reading one number against one threshold
t('simple', 'quality-gate',
  "Bit of background: the intranet plugin for the housing corporation goes through their IT department, and "
  "the contract says 'automated test line coverage of at least 70% for custom code'. Their IT guy is very "
  "strict, I've already had three rounds of emails with him about file permissions and which PHP version we "
  "support. Anyway, here's the summary from the last CI run. Do we meet 70% lines, yes or no, and by how much?",
  files=[('coverage-summary.txt', r'''
Code Coverage Report:
  2024-05-02 14:11:09

 Summary:
  Classes: 58.33% (7/12)
  Methods: 66.04% (35/53)
  Lines:   73.91% (612/828)
''')],
  fw='phpunit', lang='php')

t('medium', 'defect-analysis',
  "The bike shop client says: 'when I add a bike lock from the \"often bought together\" box and then click + on "
  "the bike, it adds 2, sometimes 3, and the total is wrong'. Only happens after using that box. Here's the cart JS.",
  files=[('wp-content/themes/fietsen-devries/assets/js/cart.js', r'''
(function ($) {
  'use strict';

  function formatEuro(cents) {
    return '€ ' + (cents / 100).toFixed(2).replace('.', ',');
  }

  function refreshTotals(data) {
    $('.cart-subtotal').text(formatEuro(data.subtotal));
    $('.cart-shipping').text(data.shipping === 0 ? 'Gratis' : formatEuro(data.shipping));
    $('.cart-total').text(formatEuro(data.total));
    $('.cart-count').text(data.count);
  }

  function bindQuantityButtons() {
    $('.cart-line .qty-plus').on('click', function () {
      var $input = $(this).closest('.cart-line').find('.qty-input');
      $input.val(parseInt($input.val(), 10) + 1).trigger('change');
    });

    $('.cart-line .qty-min').on('click', function () {
      var $input = $(this).closest('.cart-line').find('.qty-input');
      var qty = Math.max(0, parseInt($input.val(), 10) - 1);
      $input.val(qty).trigger('change');
    });

    $('.cart-line .qty-input').on('change', function () {
      var $line = $(this).closest('.cart-line');
      $.post(fdv_cart.ajax_url, {
        action: 'fdv_update_qty',
        nonce: fdv_cart.nonce,
        key: $line.data('key'),
        qty: $(this).val()
      }).done(function (res) {
        if (res.success) {
          refreshTotals(res.data);
          if (res.data.removed) {
            $line.remove();
          }
        }
      });
    });
  }

  $(document).on('click', '.add-accessory', function (e) {
    e.preventDefault();
    var $btn = $(this).prop('disabled', true);
    $.post(fdv_cart.ajax_url, {
      action: 'fdv_add_to_cart',
      nonce: fdv_cart.nonce,
      product_id: $btn.data('product-id')
    }).done(function (res) {
      if (res.success) {
        $('.cart-lines').append(res.data.line_html);
        bindQuantityButtons();
        refreshTotals(res.data);
      }
    }).always(function () {
      $btn.prop('disabled', false);
    });
  });

  $(function () {
    bindQuantityButtons();
  });
})(jQuery);
''')],
  lang='javascript', fw='jquery')

t('complex', 'test-generation',
  "This is the order status flow for the kitchenware webshop. The client kept inventing new statuses so it grew "
  "a bit. I need a proper test suite before we connect it to the warehouse API next sprint.",
  files=[('app/Domain/Orders/OrderStateMachine.php', r'''
<?php

namespace App\Domain\Orders;

use App\Domain\Orders\Exceptions\IllegalTransition;
use App\Models\Order;
use Illuminate\Support\Facades\DB;

final class OrderStateMachine
{
    public const TRANSITIONS = [
        'pending_payment'    => ['paid', 'payment_failed', 'cancelled'],
        'payment_failed'     => ['pending_payment', 'cancelled'],
        'paid'               => ['processing', 'on_hold', 'refund_requested', 'cancelled'],
        'on_hold'            => ['processing', 'cancelled', 'refund_requested'],
        'processing'         => ['partially_shipped', 'shipped', 'on_hold', 'refund_requested'],
        'partially_shipped'  => ['shipped', 'refund_requested'],
        'shipped'            => ['delivered', 'returned', 'refund_requested'],
        'delivered'          => ['returned', 'refund_requested', 'completed'],
        'returned'           => ['refund_requested', 'completed'],
        'refund_requested'   => ['partially_refunded', 'refunded', 'processing', 'delivered'],
        'partially_refunded' => ['refunded', 'completed', 'refund_requested'],
        'refunded'           => [],
        'cancelled'          => [],
        'completed'          => ['refund_requested'],
    ];

    public function __construct(private PaymentGateway $payments, private StockLedger $stock)
    {
    }

    public function transition(Order $order, string $to, array $context = []): Order
    {
        $from = $order->status;

        if (! in_array($to, self::TRANSITIONS[$from] ?? [], true)) {
            throw new IllegalTransition($from, $to);
        }

        $this->guard($order, $from, $to, $context);

        return DB::transaction(function () use ($order, $from, $to, $context) {
            match ($to) {
                'cancelled' => in_array($from, ['paid', 'on_hold'], true)
                    ? $this->payments->refund($order, $order->total_cents)
                    : null,
                'partially_refunded', 'refunded' => $this->payments->refund($order, $context['amount_cents']),
                'returned' => $this->stock->restock($order->lines),
                default => null,
            };

            if ($to === 'cancelled') {
                $this->stock->release($order->lines);
            }

            $order->status = $to;
            $order->history()->create(['from' => $from, 'to' => $to, 'meta' => $context]);
            $order->save();

            return $order;
        });
    }

    private function guard(Order $order, string $from, string $to, array $context): void
    {
        if (in_array($to, ['partially_refunded', 'refunded'], true)) {
            $amount = $context['amount_cents'] ?? 0;
            $remaining = $order->total_cents - $order->refunded_cents;

            if ($amount <= 0 || $amount > $remaining) {
                throw new IllegalTransition($from, $to, 'refund amount out of range');
            }
            if ($to === 'refunded' && $amount !== $remaining) {
                throw new IllegalTransition($from, $to, 'full refund must cover remaining amount');
            }
        }

        if ($to === 'completed' && $order->created_at->diffInDays(now()) < 14) {
            throw new IllegalTransition($from, $to, 'return window still open');
        }

        if ($to === 'shipped' && $from !== 'partially_shipped'
            && $order->lines->contains(fn ($line) => $line->shipped_qty < $line->qty)) {
            throw new IllegalTransition($from, $to, 'not all lines shipped');
        }
    }
}
''')],
  reqs=['PHPUnit, mock PaymentGateway and StockLedger', 'every allowed transition and a systematic check of the forbidden ones',
        'a sequence of several partial refunds ending in refunded', 'terminal states really are terminal'],
  fw='phpunit', lang='php')

# why: long pasted output, but the job is just re-running three named tests and reporting; no analysis
t('simple', 'test-execution',
  "Last night's CI run for the interior design client's site is below. Please just rerun the three failing tests "
  "on their own (filter by name) and tell me if they pass the second time. Don't dig into the code yet.",
  files=[('ci-nightly-2024-06-11.txt', 'PHPUnit 10.5.9 by Sebastian Bergmann and contributors.\n\nRuntime: PHP 8.2.18\n\n'
          + lines(57, _rv_line)
          + '\n\nTime: 00:41.208, Memory: 58.00 MB\n\nFAILURES!\nTests: 57, Assertions: 163, Failures: 3.')],
  fw='phpunit', lang='php')

t('medium', 'security-scan',
  "New VPS for the hair salon's booking site (Laravel). For once I wrote the nginx config myself instead of "
  "letting Forge do it. Anything dangerous in here before I point DNS at it tonight?",
  files=[('deploy/nginx/kapsalon-lotte.conf', r'''
server {
    listen 80;
    server_name kapsalon-lotte.test www.kapsalon-lotte.test;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl http2;
    server_name kapsalon-lotte.test www.kapsalon-lotte.test;

    ssl_certificate     /etc/letsencrypt/live/kapsalon-lotte.test/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/kapsalon-lotte.test/privkey.pem;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;

    root /var/www/kapsalon-lotte;
    index index.php index.html;

    autoindex on;
    client_max_body_size 64M;

    location / {
        try_files $uri $uri/ /public/index.php?$query_string;
    }

    location ~ \.php$ {
        include fastcgi_params;
        fastcgi_pass unix:/run/php/php8.1-fpm.sock;
        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
    }

    location /storage {
        alias /var/www/kapsalon-lotte/storage/app/public;
    }

    location ~ /\.ht {
        deny all;
    }
}
''')],
  lang=None, fw='nginx')

t('medium', 'flaky-test-analysis',
  "Vitest test for the search box on the bike shop's Vue storefront fails now and then on GitHub Actions "
  "(maybe 1 in 6 runs), always passes locally. Log from a failing run attached.",
  files=[('src/components/ProductSearch.vue', r'''
<script setup>
import { ref, watch } from 'vue'

const props = defineProps({ endpoint: { type: String, default: '/api/products/search' } })
const query = ref('')
const results = ref([])
const loading = ref(false)
let timer = null

watch(query, (value) => {
  clearTimeout(timer)
  if (value.trim().length < 2) {
    results.value = []
    return
  }
  timer = setTimeout(async () => {
    loading.value = true
    try {
      const res = await fetch(`${props.endpoint}?q=${encodeURIComponent(value)}`)
      results.value = res.ok ? await res.json() : []
    } finally {
      loading.value = false
    }
  }, 300)
})
</script>

<template>
  <div class="product-search">
    <input v-model="query" type="search" placeholder="Zoek een product" />
    <p v-if="loading" class="loading">Zoeken…</p>
    <ul v-else>
      <li v-for="p in results" :key="p.id">{{ p.name }}</li>
    </ul>
  </div>
</template>
'''), ('src/components/__tests__/ProductSearch.spec.js', r'''
import { mount, flushPromises } from '@vue/test-utils'
import { describe, it, expect, vi } from 'vitest'
import ProductSearch from '../ProductSearch.vue'

describe('ProductSearch', () => {
  it('shows results after typing', async () => {
    global.fetch = vi.fn().mockResolvedValue({
      ok: true,
      json: () => Promise.resolve([{ id: 1, name: 'Fietsbel chroom' }, { id: 2, name: 'Fietsbel zwart' }])
    })
    const wrapper = mount(ProductSearch)
    await wrapper.find('input').setValue('fietsbel')
    await new Promise((r) => setTimeout(r, 320))
    await flushPromises()
    expect(wrapper.findAll('li')).toHaveLength(2)
  })
})
'''), ('ci-run-5512.log', r'''
 RUN  v1.3.1 storefront

 ❯ src/components/__tests__/ProductSearch.spec.js (1)
   × ProductSearch > shows results after typing 341ms
     → expected [] to have a length of 2 but got +0

 FAIL  src/components/__tests__/ProductSearch.spec.js > ProductSearch > shows results after typing
AssertionError: expected [] to have a length of 2 but got +0
 ❯ src/components/__tests__/ProductSearch.spec.js:15:35

 Test Files  1 failed | 23 passed (24)
      Tests  1 failed | 118 passed (119)
   Duration  9.84s
''')],
  fw='vitest', lang='javascript')

# why: long report, but counting errors per file and comparing with zero is mechanical
t('simple', 'quality-gate',
  "Contract for the installation company's service portal says zero PHPStan errors at level 6 before every "
  "release. Here's tonight's run. Pass or fail, and give me a count per file so I can split the work with my colleague.",
  files=[('phpstan-level6.txt', lines(34, _vd_error) + '\n\n [ERROR] Found 34 errors')],
  fw='phpstan', lang='php')

t('complex', 'defect-analysis',
  "Since we moved the tea shop to the new setup (two servers behind a load balancer), a few customers a day get "
  "two confirmation emails and the warehouse ships their order twice. Stripe only shows one payment. I can't "
  "reproduce it locally. Code and logs attached.",
  files=[('app/Http/Controllers/StripeWebhookController.php', r'''
<?php

namespace App\Http\Controllers;

use App\Jobs\FulfilOrder;
use App\Models\Order;
use App\Notifications\OrderConfirmed;
use Illuminate\Http\Request;
use Stripe\Webhook;

class StripeWebhookController extends Controller
{
    public function __invoke(Request $request)
    {
        try {
            $event = Webhook::constructEvent(
                $request->getContent(),
                $request->header('Stripe-Signature'),
                config('services.stripe.webhook_secret')
            );
        } catch (\Throwable $e) {
            return response('invalid', 400);
        }

        if ($event->type === 'checkout.session.completed') {
            $order = Order::where('stripe_session_id', $event->data->object->id)->firstOrFail();

            if ($order->status !== 'paid') {
                $order->customer->notify(new OrderConfirmed($order)); // sends mail right away
                FulfilOrder::dispatch($order);
                $order->update(['status' => 'paid', 'paid_at' => now()]);
            }
        }

        return response('ok', 200);
    }
}
'''), ('app/Jobs/FulfilOrder.php', r'''
<?php

namespace App\Jobs;

use App\Models\Order;
use App\Services\WarehouseClient;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;

class FulfilOrder implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public int $tries = 5;

    public function __construct(public Order $order)
    {
    }

    public function handle(WarehouseClient $warehouse): void
    {
        $response = $warehouse->createShipment([
            'reference' => 'TH-' . $this->order->id . '-' . now()->timestamp,
            'lines' => $this->order->lines->map->toWarehouseLine()->all(),
            'address' => $this->order->shippingAddress->toArray(),
        ]);

        $this->order->update(['shipment_id' => $response['id']]);
    }
}
'''), ('logs/lb-access.log', r'''
10.0.0.2 - - [12/Mar/2024:14:02:11 +0000] "POST /stripe/webhook HTTP/1.1" 504 167 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" upstream=10.0.1.11:443 rt=30.001
10.0.0.2 - - [12/Mar/2024:14:03:12 +0000] "POST /stripe/webhook HTTP/1.1" 200 2 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" upstream=10.0.1.12:443 rt=3.482
10.0.0.2 - - [12/Mar/2024:15:40:55 +0000] "POST /stripe/webhook HTTP/1.1" 200 2 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" upstream=10.0.1.12:443 rt=1.907
10.0.0.2 - - [12/Mar/2024:18:21:37 +0000] "POST /stripe/webhook HTTP/1.1" 504 167 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" upstream=10.0.1.12:443 rt=30.000
10.0.0.2 - - [12/Mar/2024:18:22:39 +0000] "POST /stripe/webhook HTTP/1.1" 200 2 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" upstream=10.0.1.11:443 rt=2.240
'''), ('logs/app1-laravel.log', r'''
[2024-03-12 14:02:11] production.INFO: stripe webhook received {"event":"evt_1Ot...Qa","type":"checkout.session.completed","order":4812}
[2024-03-12 14:03:15] production.INFO: mail sent {"notification":"OrderConfirmed","order":4812,"smtp_ms":63870}
[2024-03-12 14:03:15] production.INFO: FulfilOrder dispatched {"order":4812}
[2024-03-12 14:03:16] production.INFO: warehouse shipment created {"order":4812,"reference":"TH-4812-1710252196","shipment":"SHP-99120"}
[2024-03-12 18:22:39] production.INFO: stripe webhook received {"event":"evt_1Ot...Zk","type":"checkout.session.completed","order":4830}
[2024-03-12 18:22:41] production.INFO: mail sent {"notification":"OrderConfirmed","order":4830,"smtp_ms":1702}
'''), ('logs/app2-laravel.log', r'''
[2024-03-12 14:03:12] production.INFO: stripe webhook received {"event":"evt_1Ot...Qa","type":"checkout.session.completed","order":4812}
[2024-03-12 14:03:14] production.INFO: mail sent {"notification":"OrderConfirmed","order":4812,"smtp_ms":1911}
[2024-03-12 14:03:14] production.INFO: FulfilOrder dispatched {"order":4812}
[2024-03-12 14:03:15] production.INFO: warehouse shipment created {"order":4812,"reference":"TH-4812-1710252195","shipment":"SHP-99119"}
[2024-03-12 18:21:37] production.INFO: stripe webhook received {"event":"evt_1Ot...Zk","type":"checkout.session.completed","order":4830}
[2024-03-12 18:22:48] production.INFO: mail sent {"notification":"OrderConfirmed","order":4830,"smtp_ms":70544}
[2024-03-12 18:22:48] production.INFO: FulfilOrder dispatched {"order":4830}
'''), ('docs/new-setup.md', r'''
- DO load balancer, idle timeout 30 s, round robin, both app servers
- Horizon runs on both app servers, same Redis queue
- SMTP: client's own Exchange (Office 365 relay), was fast on the old single server which sat in the same datacentre
''')],
  lang='php', fw='laravel')

# why: the file is under 40 lines, but the requirements force decisions on overnight ranges,
# wrap-around weeks and error behaviour — parser edge cases, medium
t('medium', 'test-generation',
  "The restaurant/bar client types their opening hours as free text in the CMS and we parse it for the 'open now' "
  "badge. Write specs for this class.",
  files=[('lib/opening_hours.rb', r'''
# Parses strings the client types into the CMS, e.g.
#   "Mo-Fr 09:00-17:30; Sa 10:00-14:00; Su closed"
class OpeningHours
  DAYS = %w[Mo Tu We Th Fr Sa Su].freeze

  Span = Struct.new(:day, :opens, :closes)

  def self.parse(text)
    text.split(';').map(&:strip).reject(&:empty?).flat_map do |part|
      days, hours = part.split(/\s+/, 2)
      next [] if hours.nil? || hours.strip.casecmp?('closed')

      expand_days(days).flat_map do |day|
        hours.split(',').map do |range|
          opens, closes = range.strip.split('-')
          Span.new(day, to_minutes(opens), to_minutes(closes))
        end
      end
    end
  end

  def self.open_at?(spans, time)
    day = DAYS[(time.wday + 6) % 7]
    minutes = time.hour * 60 + time.min
    spans.any? { |s| s.day == day && minutes >= s.opens && minutes < s.closes }
  end

  def self.expand_days(token)
    first, last = token.split('-')
    return [first] unless last

    i, j = DAYS.index(first), DAYS.index(last)
    raise ArgumentError, "unknown day in #{token}" if i.nil? || j.nil?

    j >= i ? DAYS[i..j] : DAYS[i..] + DAYS[..j]
  end

  def self.to_minutes(hhmm)
    h, m = hhmm.split(':').map(&:to_i)
    h * 60 + (m || 0)
  end
end
''')],
  reqs=['the bar is open "Fr 20:00-02:00" — decide and test what open_at? should say on Saturday 01:00',
        'wrap-around day ranges such as "Sa-Mo"', 'split shifts like "Mo 09:00-12:00,13:00-17:00"',
        'garbage input should raise, not silently return an empty list'],
  fw='rspec', lang='ruby')

# why: three named rules to confirm in a 20-line config; a checklist read, not an open-ended hunt
t('simple', 'security-scan',
  "Quick one: the hosting checklist for the bakery's WordPress site wants wp-config.php and xmlrpc.php blocked "
  "from the web and directory listing switched off. Does this .htaccess do those three things? Yes/no for each.",
  files=[('.htaccess', r'''
# BEGIN WordPress
<IfModule mod_rewrite.c>
RewriteEngine On
RewriteBase /
RewriteRule ^index\.php$ - [L]
RewriteCond %{REQUEST_FILENAME} !-f
RewriteCond %{REQUEST_FILENAME} !-d
RewriteRule . /index.php [L]
</IfModule>
# END WordPress

<Files wp-config.php>
    Require all denied
</Files>

<Files xmlrpc.php>
    Order Deny,Allow
    Deny from all
</Files>

Options -Indexes
''')],
  lang=None, fw='apache')

t('medium', 'coverage-analysis',
  "Coverage text for app/Services/Checkout of the wine shop. Where are the gaps that actually matter? "
  "I'm not going to chase 100%.",
  files=[('coverage/checkout.txt', r'''
Code Coverage Report:
  2024-04-18 09:41:55

 Summary:
  Classes: 40.00% (2/5)
  Methods: 61.29% (19/31)
  Lines:   64.12% (252/393)

App\Services\Checkout\CartTotals
  Methods:  85.71% ( 6/ 7)   Lines:  91.30% ( 63/ 69)
App\Services\Checkout\CouponApplier
  Methods:  50.00% ( 3/ 6)   Lines:  58.21% ( 39/ 67)
App\Services\Checkout\OrderPlacer
  Methods:  44.44% ( 4/ 9)   Lines:  54.40% ( 68/125)
App\Services\Checkout\ShippingRateResolver
  Methods:  40.00% ( 2/ 5)   Lines:  47.83% ( 44/ 92)
App\Services\Checkout\VatCalculator
  Methods: 100.00% ( 4/ 4)   Lines: 100.00% ( 38/ 38)
'''), ('coverage/uncovered-methods.txt', r'''
CartTotals::applyGiftWrapFee                    0/6
CouponApplier::validateMinimumSpend             0/9
CouponApplier::applyToCategory                  0/12
CouponApplier::onePerCustomer                   0/7
OrderPlacer::reserveStock                       0/14
OrderPlacer::handlePaymentFailure               0/11
OrderPlacer::sendAgeVerificationRequest         0/9
OrderPlacer::splitBackorderLines                0/13
OrderPlacer::placeForBusinessCustomer           2/10
ShippingRateResolver::rateForPallet             0/16
ShippingRateResolver::rateForBelgium            0/12
ShippingRateResolver::freeShippingThreshold     3/20
''')],
  reqs=['rank gaps by risk to the client (wine = age checks, pallets for restaurants)', 'suggest the five tests to write first'],
  fw='phpunit', lang='php')

t('complex', 'defect-analysis',
  "On the old server everything was fine. Since moving the garden centre's Rails shop to the new VPS, every now "
  "and then an order confirmation starts with 'Dear Pieter' while the customer is called Sanne. Order number and "
  "items are right, only the name belongs to someone else. Maybe three times a week, always on busy evenings. "
  "The client is worried about privacy complaints. Relevant code attached.",
  files=[('app/services/order_notifier.rb', r'''
class OrderNotifier
  class << self
    attr_accessor :current_customer
  end

  def self.call(order)
    self.current_customer = order.customer
    OrderMailer.with(order: order).confirmation.deliver_now
    SmsGateway.send_text(current_customer.phone,
                         I18n.t('sms.order_received', name: current_customer.first_name))
  ensure
    self.current_customer = nil
  end
end
'''), ('app/mailers/order_mailer.rb', r'''
class OrderMailer < ApplicationMailer
  def confirmation
    @order = params[:order]
    @customer = OrderNotifier.current_customer || @order.customer
    mail(to: @order.email, subject: t('.subject', number: @order.number))
  end
end
'''), ('app/jobs/order_placed_job.rb', r'''
class OrderPlacedJob
  include Sidekiq::Job
  sidekiq_options queue: :orders, retry: 3

  def perform(order_id)
    order = Order.includes(:customer, :lines).find(order_id)
    OrderNotifier.call(order)
    order.update!(confirmation_sent_at: Time.current)
  end
end
'''), ('config/sidekiq.yml', r'''
# new VPS (old server: concurrency 1, we never changed the default there)
:concurrency: 10
:queues:
  - orders
  - default
  - mailers
''')],
  fw='sidekiq', lang='ruby')

t('simple', 'test-execution',
  "Can you run the vitest suite for the Vue storefront (npm run test:unit) and give me pass/fail counts? Summary only.",
  fw='vitest', lang='typescript')

t('medium', 'quality-gate',
  "The museum's new site launches Monday. The client signed off on the launch criteria in the requirements. "
  "Here are the Lighthouse and axe results from staging. Go or no-go, and what exactly blocks it?",
  files=[('reports/lighthouse-summary.json', r'''
{
  "generated": "2024-09-12T16:03:44Z",
  "device": "mobile",
  "pages": [
    { "url": "/",                    "performance": 84, "accessibility": 96, "best-practices": 92, "seo": 100 },
    { "url": "/tentoonstellingen",   "performance": 71, "accessibility": 93, "best-practices": 92, "seo": 92 },
    { "url": "/tentoonstellingen/van-gogh-en-de-zee", "performance": 77, "accessibility": 88, "best-practices": 83, "seo": 92 },
    { "url": "/bezoek/tickets",      "performance": 81, "accessibility": 91, "best-practices": 92, "seo": 85 },
    { "url": "/collectie/zoeken",    "performance": 62, "accessibility": 95, "best-practices": 100, "seo": 92 }
  ]
}
'''), ('reports/axe-summary.txt', r'''
axe-core 4.8.2 — 5 pages scanned

/                                  0 critical, 0 serious, 2 moderate, 1 minor
/tentoonstellingen                 0 critical, 1 serious (color-contrast on .badge--new), 0 moderate
/tentoonstellingen/van-gogh-en-de-zee
                                   1 critical (image-alt: hero image has no alt), 2 serious (color-contrast, link-name)
/bezoek/tickets                    0 critical, 1 serious (label: date picker input has no label), 1 moderate
/collectie/zoeken                  0 critical, 0 serious, 0 moderate, 3 minor
''')],
  reqs=['mobile performance >= 80 on the home page and the ticket page; other pages >= 60',
        'accessibility >= 90 on every page', 'no critical axe violations anywhere; serious ones only with a fix date',
        'SEO >= 90 on every page except the search page'],
  fw='lighthouse', lang=None)

t('complex', 'test-generation',
  "The cheese shop's discount engine: coupons can stack, some are exclusive, and the discount gets spread over the "
  "lines for the invoice. We've had two invoices this year where the line amounts didn't add up or one went "
  "negative, and the accountant noticed. I want tests that throw random carts and coupon combinations at it, "
  "not a few hand-picked examples.",
  files=[('app/Pricing/DiscountEngine.php', r'''
<?php

namespace App\Pricing;

final class DiscountEngine
{
    /** @param Rule[] $rules */
    public function __construct(private array $rules)
    {
    }

    /**
     * @param array<int, array{sku:string, unit_cents:int, qty:int, category:string}> $lines
     * @param string[] $couponCodes
     * @return array{lines: array<int,int>, discount_cents:int, total_cents:int}
     */
    public function apply(array $lines, array $couponCodes): array
    {
        $applicable = array_filter(
            $this->rules,
            fn (Rule $r) => $r->automatic || in_array($r->code, $couponCodes, true)
        );
        usort($applicable, fn (Rule $a, Rule $b) => [$a->priority, $a->code] <=> [$b->priority, $b->code]);

        $lineTotals = array_map(fn ($l) => $l['unit_cents'] * $l['qty'], $lines);
        $exclusiveSeen = false;

        foreach ($applicable as $rule) {
            if ($exclusiveSeen) {
                break;
            }

            $eligible = array_keys(array_filter($lines, fn ($l) => $rule->matches($l)));
            if ($eligible === []) {
                continue;
            }

            $base = array_sum(array_map(fn ($i) => $lineTotals[$i], $eligible));
            if ($base < $rule->minimumCents) {
                continue;
            }

            $off = $rule->type === 'percent'
                ? intdiv($base * $rule->value, 100)
                : min($rule->value, $base);

            // spread the discount over the eligible lines, proportional to their value
            $remaining = $off;
            foreach ($eligible as $n => $i) {
                $share = $n === array_key_last($eligible)
                    ? $remaining
                    : intdiv($off * $lineTotals[$i], $base);
                $lineTotals[$i] -= $share;
                $remaining -= $share;
            }

            $exclusiveSeen = $rule->exclusive;
        }

        $original = array_sum(array_map(fn ($l) => $l['unit_cents'] * $l['qty'], $lines));
        $total = array_sum($lineTotals);

        return ['lines' => $lineTotals, 'discount_cents' => $original - $total, 'total_cents' => $total];
    }
}
'''), ('app/Pricing/Rule.php', r'''
<?php

namespace App\Pricing;

final class Rule
{
    public function __construct(
        public string $code,
        public string $type,          // 'percent' | 'fixed'
        public int $value,            // percent (0-100) or cents
        public int $priority = 10,
        public bool $exclusive = false,
        public bool $automatic = false,
        public int $minimumCents = 0,
        public ?string $category = null,
    ) {
    }

    public function matches(array $line): bool
    {
        return $this->category === null || $line['category'] === $this->category;
    }
}
''')],
  reqs=['property-based: generated carts and rule sets (Eris, or a seeded generator with PHPUnit data providers)',
        'invariants: no line below zero, line amounts sum to the total, discount never exceeds the original, the order of coupon codes in the input does not change the result',
        'failing cases must shrink or print to something a human can read'],
  fw='phpunit', lang='php')

# why: a 12-line function and a warning that names the exact line; cause and fix are local
t('simple', 'defect-analysis',
  "After the host upgraded the bakery shop to PHP 8.1 the error log fills up with this warning. They sometimes sell "
  "just gift cards with no shipping. What's the cause and the fix?",
  files=[('wp-content/plugins/smit-shop/includes/labels.php', r'''
<?php
function ss_shipping_label( array $order_data ): string {
	$method = $order_data['shipping_method'];
	$labels = [
		'pickup' => __( 'Afhalen in de winkel', 'smit-shop' ),
		'postnl' => __( 'PostNL pakket', 'smit-shop' ),
		'dhl'    => __( 'DHL pakket', 'smit-shop' ),
	];

	return $labels[ $method ] ?? __( 'Onbekende verzendmethode', 'smit-shop' );
}
'''), ('debug.log', r'''
[04-Jul-2024 09:12:44 UTC] PHP Warning:  Undefined array key "shipping_method" in wp-content/plugins/smit-shop/includes/labels.php on line 3
[04-Jul-2024 09:12:44 UTC] PHP Warning:  Undefined array key "" in wp-content/plugins/smit-shop/includes/labels.php on line 10
[04-Jul-2024 10:31:02 UTC] PHP Warning:  Undefined array key "shipping_method" in wp-content/plugins/smit-shop/includes/labels.php on line 3
''')],
  lang='php', fw='wordpress')

t('medium', 'flaky-test-analysis',
  "Rails system spec for the furniture shop's wishlist button fails on CI a few times a week. Re-run and it's green. "
  "Spec, the jQuery bit and a failing log attached.",
  files=[('spec/system/wishlist_spec.rb', r'''
require 'rails_helper'

RSpec.describe 'Wishlist', type: :system, js: true do
  let!(:product) { create(:product, name: 'Eiken eettafel 200cm') }

  before { driven_by :selenium_chrome_headless }

  it 'adds a product to the wishlist from the product page' do
    visit product_path(product)
    click_button 'Bewaar op verlanglijst'

    expect(find('.wishlist-count').text).to eq('1')
    expect(page).to have_css('.wishlist-toggle.is-active')
  end
end
'''), ('app/javascript/wishlist.js', r'''
$(document).on('click', '.wishlist-toggle', function (e) {
  e.preventDefault();
  var $btn = $(this);

  $.ajax({
    url: '/wishlist_items',
    method: 'POST',
    data: { product_id: $btn.data('product-id') },
    headers: { 'X-CSRF-Token': $('meta[name="csrf-token"]').attr('content') }
  }).done(function (data) {
    $('.wishlist-count').text(data.count);
    $btn.addClass('is-active');
  });
});
'''), ('ci-failure.log', r'''
Failures:

  1) Wishlist adds a product to the wishlist from the product page
     Failure/Error: expect(find('.wishlist-count').text).to eq('1')

       expected: "1"
            got: "0"

       (compared using ==)

     [Screenshot Image]: tmp/capybara/failures_r_spec_example_groups_wishlist_adds_a_product_to_the_wishlist_from_the_product_page_694.png

     # ./spec/system/wishlist_spec.rb:10:in `block (2 levels) in <top (required)>'

Finished in 14.31 seconds (files took 3.02 seconds to load)
38 examples, 1 failure
''')],
  fw='rspec', lang='ruby')

t('complex', 'security-scan',
  "The client's old customer portal (plain PHP, pre-Laravel) is staying online another year. Can you check the "
  "forgotten-password part? It's two files.",
  files=[('wachtwoord-vergeten.php', r'''
<?php
require __DIR__ . '/inc/bootstrap.php';

if ($_SERVER['REQUEST_METHOD'] === 'POST' && isset($_POST['email'])) {
    $email = trim($_POST['email']);
    $stmt = $db->prepare('SELECT id, email FROM users WHERE email = ?');
    $stmt->execute([$email]);
    $user = $stmt->fetch();

    if (!$user) {
        $error = 'Dit e-mailadres is niet bij ons bekend.';
    } else {
        $token = md5($user['email'] . time());
        $db->prepare('UPDATE users SET reset_token = ?, reset_requested = NOW() WHERE id = ?')
           ->execute([$token, $user['id']]);
        send_mail($user['email'], 'Wachtwoord herstellen',
            'https://' . $_SERVER['HTTP_HOST'] . '/reset.php?t=' . $token);
        $success = 'We hebben je een e-mail gestuurd.';
    }
}

include __DIR__ . '/templates/wachtwoord-vergeten.phtml';
'''), ('reset.php', r'''
<?php
require __DIR__ . '/inc/bootstrap.php';

$token = $_GET['t'] ?? '';
$stmt = $db->query("SELECT id, reset_token FROM users WHERE reset_token = '" . $token . "'");
$user = $stmt->fetch();

if (!$user || $user['reset_token'] != $token) {
    die('Link ongeldig.');
}

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    if ($_POST['password'] !== $_POST['password_confirm']) {
        $error = 'Wachtwoorden komen niet overeen.';
    } else {
        $hash = password_hash($_POST['password'], PASSWORD_DEFAULT);
        $db->prepare('UPDATE users SET password = ? WHERE id = ?')->execute([$hash, $user['id']]);
        $_SESSION['user_id'] = $user['id'];
        header('Location: /dashboard.php');
        exit;
    }
}

include __DIR__ . '/templates/reset.phtml';
''')],
  lang='php')

# why: 36 rows of coverage export, but the ask is a filtered list with no judgement — mechanical
t('simple', 'coverage-analysis',
  "I just need a list of the functions in our events plugin that have zero coverage, for a ticket. Don't analyse "
  "anything, just the list.",
  files=[('coverage/functions.csv', 'function,file,lines,covered,percent\n' + lines(len(_EA_FUNCS), _ea_cov))],
  fw='phpunit', lang='php')

t('medium', 'performance-testing',
  "Client's product search API gets hammered by their own mobile app. I need a k6 script for it before we swap the "
  "LIKE queries for Meilisearch, so we can compare before/after.",
  files=[('app/Http/Controllers/Api/ProductSearchController.php', r'''
<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Resources\ProductResource;
use App\Models\Product;
use Illuminate\Http\Request;

class ProductSearchController extends Controller
{
    public function __invoke(Request $request)
    {
        $request->validate([
            'q' => ['required', 'string', 'min:2', 'max:80'],
            'page' => ['integer', 'min:1', 'max:50'],
            'sort' => ['in:relevance,price_asc,price_desc,newest'],
        ]);

        $query = Product::query()
            ->where('active', true)
            ->where(fn ($q) => $q->where('name', 'like', '%' . $request->q . '%')
                ->orWhere('description', 'like', '%' . $request->q . '%'));

        $query = match ($request->input('sort', 'relevance')) {
            'price_asc' => $query->orderBy('price_cents'),
            'price_desc' => $query->orderByDesc('price_cents'),
            'newest' => $query->latest(),
            default => $query->orderByRaw('name LIKE ? DESC', [$request->q . '%']),
        };

        return ProductResource::collection($query->with('images')->paginate(24));
    }
}
'''), ('loadtest/search-terms.csv', r'''
term,weight
tent,30
slaapzak,22
wandelschoenen,18
regenjas,15
rugzak 40l,9
gore-tex,6
kinder,5
xx,1
''')],
  reqs=['ramp to 50 virtual users over 2 minutes, hold 5 minutes', 'thresholds: p95 under 400 ms and under 1% errors',
        'read terms from the CSV with SharedArray, weighted', 'also request pages 2 and 3 and a couple of sort options'],
  fw='k6', lang='javascript')

# why: seven separate reports whose findings interact (missing rows, missing cron, redirect loop) and must be
# weighed into one go/no-go for a live migration — more than five files of context
t('complex', 'quality-gate',
  "Saturday we cut over the kitchen-fitter's site (Laravel, plus a WordPress blog on /blog) from the old Plesk box "
  "to the new server. Below are all the checks we ran against the new box and the criteria we agreed with the "
  "client. Go or no-go, and what must be fixed first?",
  files=[('docs/cutover-criteria.md', r'''
Agreed with client (Keukenstudio Bos), 2 September:
1. No URL that returned 200 on the old site may return 404/500 on the new one (301 is fine).
2. Database: every business table identical row count, except sessions/cache/jobs.
3. All automated tests green on the new server.
4. No high-risk findings in the ZAP baseline scan.
5. Valid certificate for both the apex and the www domain.
6. All scheduled tasks running as before (quote reminders, sitemap, backups).
'''), ('reports/crawl-diff.csv', r'''
url,old_status,new_status,new_location
/,200,200,
/keukens,200,200,
/keukens/landelijk,200,200,
/keukens/modern,200,200,
/showroom,200,200,
/offerte-aanvragen,200,200,
/blog,200,301,/blog/
/blog/,200,301,/blog
/blog/kookeiland-of-schiereiland,200,200,
/blog/category/inspiratie,200,404,
/uploads/brochure-2024.pdf,200,200,
/sitemap.xml,200,200,
'''), ('reports/db-rowcounts.txt', r'''
table                 old     new
quotes               8412    8412
quote_lines         51207   51207
customers            6033    6033
appointments         1914    1877
users                  12      12
wp_posts             1310    1310
wp_postmeta         22841   22841
wp_terms               48      41
sessions              231       4
jobs                   17       0
'''), ('reports/phpunit-new-server.txt', r'''
PHPUnit 10.5.20 by Sebastian Bergmann and contributors.
...............................................S.......  55 / 55 (100%)
Time: 00:12.871, Memory: 46.00 MB
OK, but some tests were skipped!
Tests: 55, Assertions: 171, Skipped: 1.
  1) Tests\Feature\QuoteReminderTest::reminder_is_sent_after_seven_days  (skipped: "requires scheduler")
'''), ('reports/zap-baseline.txt', r'''
WARN-NEW: Strict-Transport-Security Header Not Set [10035] x 14
WARN-NEW: Server Leaks Version Information via "Server" HTTP Response Header Field [10036] x 22
WARN-NEW: Cookie Without Secure Flag [10011] x 3   (laravel_session, XSRF-TOKEN, wordpress_test_cookie)
WARN-NEW: Information Disclosure - Debug Error Messages [10023] x 1   (/blog/category/inspiratie)
FAIL-NEW: 0   WARN-NEW: 4   PASS: 52
'''), ('reports/ssl-check.txt', r'''
keukenstudiobos.test       certificate CN=www.keukenstudiobos.test   SAN: www.keukenstudiobos.test   -> NAME MISMATCH
www.keukenstudiobos.test   certificate CN=www.keukenstudiobos.test   valid until 2024-12-01          -> OK
'''), ('reports/cron-compare.txt', r'''
OLD (Plesk scheduled tasks)                         NEW (crontab -l for deploy user)
* * * * * php artisan schedule:run                  (missing)
0 3 * * * /usr/local/bin/backup-site.sh             0 3 * * * /usr/local/bin/backup-site.sh
*/5 * * * * wget -q -O- .../blog/wp-cron.php        (missing, DISABLE_WP_CRON=true in wp-config)
''')],
  fw=None, lang=None)

t('simple', 'test-generation',
  "Can you write PHPUnit tests for Money::format? It's used on the invoice PDFs, I just want the basics covered.",
  files=[('app/Support/Money.php', r'''
<?php

namespace App\Support;

class Money
{
    public static function format(int $cents, string $currency = 'EUR'): string
    {
        $symbols = ['EUR' => '€ ', 'GBP' => '£', 'USD' => '$'];
        $symbol = $symbols[$currency] ?? $currency . ' ';
        $negative = $cents < 0;

        if ($currency === 'GBP' || $currency === 'USD') {
            $amount = number_format(abs($cents) / 100, 2, '.', ',');
        } else {
            $amount = number_format(abs($cents) / 100, 2, ',', '.');
        }

        return ($negative ? '-' : '') . $symbol . $amount;
    }
}
''')],
  fw='phpunit', lang='php')

t('medium', 'flaky-test-analysis',
  "In the physio booking app (Rails, minitest) PriceTest fails on some CI runs and not others. No code changed "
  "between the runs. I noticed it depends on the seed but I don't see why.",
  files=[('app/models/setting.rb', r'''
class Setting < ApplicationRecord
  def self.get(key)
    @cache ||= {}
    @cache.fetch(key.to_s) { @cache[key.to_s] = find_by(key: key.to_s)&.value }
  end

  def self.set(key, value)
    record = find_or_initialize_by(key: key.to_s)
    record.update!(value: value.to_s)
  end
end
'''), ('app/models/price.rb', r'''
class Price
  def self.gross(net_cents)
    rate = Setting.get(:vat_rate).to_i
    (net_cents * (100 + rate) / 100.0).round
  end
end
'''), ('test/models/settings_test.rb', r'''
require 'test_helper'

class SettingsTest < ActiveSupport::TestCase
  test 'reduced VAT rate can be configured for treatments' do
    Setting.set(:vat_rate, 9)
    assert_equal '9', Setting.get(:vat_rate)
  end
end
'''), ('test/models/price_test.rb', r'''
require 'test_helper'

class PriceTest < ActiveSupport::TestCase
  # fixture settings.yml has vat_rate: 21
  test 'gross adds 21% VAT' do
    assert_equal 12_100, Price.gross(10_000)
  end
end
'''), ('ci-runs.txt', r'''
--- run 3114 ---
Run options: --seed 48213
# Running:
..........F.....................
Failure:
PriceTest#test_gross_adds_21%_VAT [test/models/price_test.rb:5]:
Expected: 12100
  Actual: 10900
32 runs, 71 assertions, 1 failures, 0 errors, 0 skips

--- run 3115 ---
Run options: --seed 1207
# Running:
................................
32 runs, 71 assertions, 0 failures, 0 errors, 0 skips
''')],
  fw='minitest', lang='ruby')

t('complex', 'security-scan',
  "We inherited a store locator plugin from another agency for a franchise client. Before we take over "
  "maintenance, can you do a security pass on it? Whole plugin attached, it's small.",
  files=[('store-locator/store-locator.php', r'''
<?php
/**
 * Plugin Name: Franchise Store Locator
 * Version: 1.4.2
 */
defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/ajax-search.php';
require_once __DIR__ . '/includes/admin-import.php';

add_action( 'wp_enqueue_scripts', function () {
	wp_enqueue_script( 'sl-frontend', plugins_url( 'assets/locator.js', __FILE__ ), [ 'jquery' ], '1.4.2', true );
	wp_localize_script( 'sl-frontend', 'slData', [ 'ajaxUrl' => admin_url( 'admin-ajax.php' ) ] );
} );
'''), ('store-locator/includes/ajax-search.php', r'''
<?php
add_action( 'wp_ajax_nopriv_sl_search', 'sl_ajax_search' );
add_action( 'wp_ajax_sl_search', 'sl_ajax_search' );

function sl_ajax_search() {
	global $wpdb;
	$table  = $wpdb->prefix . 'sl_stores';
	$city   = isset( $_POST['city'] ) ? sanitize_text_field( $_POST['city'] ) : '';
	$radius = isset( $_POST['radius'] ) ? $_POST['radius'] : 25;
	$lat    = (float) ( $_POST['lat'] ?? 0 );
	$lng    = (float) ( $_POST['lng'] ?? 0 );
	$order  = $_POST['orderby'] ?? 'distance';

	$sql = "SELECT *, ( 6371 * acos( cos( radians($lat) ) * cos( radians( lat ) ) * cos( radians( lng ) - radians($lng) )
			+ sin( radians($lat) ) * sin( radians( lat ) ) ) ) AS distance
		FROM $table
		WHERE city LIKE '%$city%'
		HAVING distance < $radius
		ORDER BY $order
		LIMIT 50";

	$stores = $wpdb->get_results( $sql );

	ob_start();
	include __DIR__ . '/../templates/results.php';
	wp_send_json_success( [ 'html' => ob_get_clean() ] );
}
'''), ('store-locator/includes/admin-import.php', r'''
<?php
add_action( 'admin_menu', function () {
	add_submenu_page( 'tools.php', 'Import stores', 'Import stores', 'edit_posts', 'sl-import', 'sl_import_page' );
} );

add_action( 'admin_post_sl_import', 'sl_handle_import' );

function sl_import_page() {
	echo '<form method="post" enctype="multipart/form-data" action="' . admin_url( 'admin-post.php' ) . '">';
	echo '<input type="hidden" name="action" value="sl_import">';
	echo '<input type="file" name="stores_csv"> <button class="button">Import</button></form>';
	if ( isset( $_GET['imported'] ) ) {
		echo '<div class="notice notice-success"><p>' . $_GET['imported'] . ' stores imported.</p></div>';
	}
}

function sl_handle_import() {
	global $wpdb;
	$upload_dir = wp_upload_dir();
	$target     = $upload_dir['basedir'] . '/sl-imports/' . $_FILES['stores_csv']['name'];
	move_uploaded_file( $_FILES['stores_csv']['tmp_name'], $target );

	$count = 0;
	if ( ( $fh = fopen( $target, 'r' ) ) !== false ) {
		while ( ( $row = fgetcsv( $fh ) ) !== false ) {
			$wpdb->insert( $wpdb->prefix . 'sl_stores', [
				'name' => $row[0], 'city' => $row[1], 'lat' => $row[2], 'lng' => $row[3], 'phone' => $row[4],
			] );
			$count++;
		}
	}
	wp_redirect( admin_url( 'tools.php?page=sl-import&imported=' . $count ) );
	exit;
}
'''), ('store-locator/templates/results.php', r'''
<?php if ( empty( $stores ) ) : ?>
	<p class="sl-empty">Geen winkels gevonden in "<?php echo $_POST['city']; ?>".</p>
<?php else : ?>
	<ul class="sl-results">
	<?php foreach ( $stores as $store ) : ?>
		<li>
			<strong><?php echo $store->name; ?></strong> — <?php echo $store->city; ?>
			<a href="tel:<?php echo $store->phone; ?>"><?php echo $store->phone; ?></a>
			<span class="sl-distance"><?php echo round( $store->distance, 1 ); ?> km</span>
		</li>
	<?php endforeach; ?>
	</ul>
<?php endif; ?>
''')],
  lang='php', fw='wordpress')

t('simple', 'performance-testing',
  "Write me a tiny k6 smoke test for the dentist's homepage: 10 users for 30 seconds, fail if any request errors "
  "or takes over a second.",
  fw='k6', lang='javascript')

t('medium', 'test-generation',
  "Checkout address block for the Dutch webshop (Vue 3). The client isn't complaining, I just want tests before I "
  "refactor it next week.",
  files=[('src/components/checkout/AddressForm.vue', r'''
<script setup lang="ts">
import { reactive, ref } from 'vue'

interface Address {
  postcode: string
  houseNumber: string
  addition: string
  street: string
  city: string
}

const emit = defineEmits<{ (e: 'update', address: Address): void }>()

const address = reactive<Address>({ postcode: '', houseNumber: '', addition: '', street: '', city: '' })
const status = ref<'idle' | 'loading' | 'notfound' | 'error'>('idle')
const manual = ref(false)

function normalisePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

async function lookup() {
  const pc = normalisePostcode(address.postcode)
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(pc) || !address.houseNumber) return

  status.value = 'loading'
  try {
    const res = await fetch(`/api/address-lookup?postcode=${pc}&number=${encodeURIComponent(address.houseNumber)}`)
    if (res.status === 404) {
      status.value = 'notfound'
      manual.value = true
      return
    }
    if (!res.ok) throw new Error(`lookup failed: ${res.status}`)

    const data = await res.json()
    address.street = data.street
    address.city = data.city
    status.value = 'idle'
    emit('update', { ...address, postcode: pc })
  } catch {
    status.value = 'error'
    manual.value = true
  }
}
</script>

<template>
  <fieldset class="address-form">
    <input v-model="address.postcode" name="postcode" @blur="lookup" />
    <input v-model="address.houseNumber" name="houseNumber" @blur="lookup" />
    <input v-model="address.addition" name="addition" />
    <p v-if="status === 'loading'" class="hint">Adres zoeken…</p>
    <p v-if="status === 'notfound'" class="error">We konden dit adres niet vinden, vul het zelf in.</p>
    <p v-if="status === 'error'" class="error">Er ging iets mis, vul je adres handmatig in.</p>
    <template v-if="manual || address.street">
      <input v-model="address.street" name="street" :readonly="!manual" />
      <input v-model="address.city" name="city" :readonly="!manual" />
    </template>
  </fieldset>
</template>
''')],
  reqs=['Vitest + Vue Test Utils, mock fetch', 'a 404 switches to manual entry', 'postcode typed as "1234 ab" still triggers the lookup',
        'network error path and the emitted update event'],
  fw='vitest', lang='typescript')

t('complex', 'flaky-test-analysis',
  "Since we turned on `php artisan test --parallel` in CI for the garden furniture shop, we get random failures, "
  "a different test every time. Sequential runs are always green. Turning parallel off doubles CI time, so I'd "
  "like to understand what's going on.",
  files=[('.github/workflows/tests.yml', r'''
name: tests
on: [push]
jobs:
  phpunit:
    runs-on: ubuntu-latest
    services:
      mysql:
        image: mysql:8.0
        env: { MYSQL_ROOT_PASSWORD: root, MYSQL_DATABASE: tuinmeubelen_test }
        ports: ['3306:3306']
      redis:
        image: redis:7
        ports: ['6379:6379']
    steps:
      - uses: actions/checkout@v4
      - uses: shivammathur/setup-php@v2
        with: { php-version: '8.2' }
      - run: composer install --no-interaction
      - run: php artisan test --parallel --processes=4
'''), ('.env.testing', r'''
APP_ENV=testing
DB_CONNECTION=mysql
DB_DATABASE=tuinmeubelen_test
CACHE_DRIVER=redis
REDIS_HOST=127.0.0.1
REDIS_CACHE_DB=1
SESSION_DRIVER=array
QUEUE_CONNECTION=sync
'''), ('tests/TestCase.php', r'''
<?php

namespace Tests;

use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\RateLimiter;

abstract class TestCase extends BaseTestCase
{
    use CreatesApplication, RefreshDatabase;

    protected string $cartSession = 'test-session';

    protected function setUp(): void
    {
        parent::setUp();
        Cache::flush();
        RateLimiter::clear('checkout:127.0.0.1');
    }
}
'''), ('app/Services/CartService.php', r'''
<?php

namespace App\Services;

use Illuminate\Support\Facades\Cache;

class CartService
{
    public function items(string $sessionId): array
    {
        return Cache::get("cart:{$sessionId}", []);
    }

    public function add(string $sessionId, int $productId, int $qty): array
    {
        $key = "cart:{$sessionId}";
        $cart = Cache::get($key, []);
        $cart[$productId] = ($cart[$productId] ?? 0) + $qty;
        Cache::put($key, $cart, now()->addDays(7));

        return $cart;
    }

    public function clear(string $sessionId): void
    {
        Cache::forget("cart:{$sessionId}");
    }
}
'''), ('app/Http/Middleware/ThrottleCheckout.php', r'''
<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\RateLimiter;

class ThrottleCheckout
{
    public function handle(Request $request, Closure $next)
    {
        $key = 'checkout:' . $request->ip();
        if (RateLimiter::tooManyAttempts($key, 10)) {
            abort(429);
        }
        RateLimiter::hit($key, 60);

        return $next($request);
    }
}
'''), ('ci-failures.txt', r'''
run 901:  Tests\Feature\CheckoutTest::guest_can_checkout_with_ideal
          Failed asserting that actual size 3 matches expected size 2. (order lines)
run 904:  Tests\Feature\CheckoutTest::coupon_is_applied_once
          Expected response status code [200] but received 429.
run 905:  Tests\Feature\CartTest::empty_cart_shows_message
          Failed asserting that 'Je winkelwagen is leeg' is contained in response.
run 909:  Tests\Feature\CartTest::adding_same_product_twice_sums_quantity
          Failed asserting that 1 is identical to 2.
''')],
  fw='phpunit', lang='php')

t('simple', 'coverage-analysis',
  "Which methods in InvoiceNumberGenerator have no test coverage at all?",
  files=[('coverage/InvoiceNumberGenerator.txt', r'''
App\Services\InvoiceNumberGenerator
  Methods:  50.00% ( 2/ 4)   Lines:  61.54% ( 16/ 26)

  Method                     Lines covered
  __construct                3/3
  next                       13/13
  formatForCountry           0/6
  resetForNewYear            0/4
''')],
  fw='phpunit', lang='php')

t('medium', 'defect-analysis',
  "Since we moved the bakery's site from shared hosting to a DigitalOcean droplet, the contact form says 'thanks!' "
  "but nobody receives the emails. Nothing changed in the code. Log, env and a few command outputs attached.",
  files=[('storage/logs/laravel-2024-06-03.log', r'''
[2024-06-03 08:14:02] production.INFO: Contact submission stored {"id":1432}
[2024-06-03 09:47:31] production.INFO: Contact submission stored {"id":1433}
[2024-06-03 11:02:10] production.INFO: Contact submission stored {"id":1434}
[2024-06-03 14:20:55] production.ERROR: Connection could not be established with host "ssl://smtp.hostingmail.test:465": stream_socket_client(): Unable to connect to ssl://smtp.hostingmail.test:465 (Connection timed out) {"exception":"[object] (Symfony\\Component\\Mailer\\Exception\\TransportException(code: 0): Connection could not be established with host \"ssl://smtp.hostingmail.test:465\" at vendor/symfony/mailer/Transport/Smtp/Stream/SocketStream.php:154)"}
'''), ('.env.excerpt', r'''
APP_ENV=production
QUEUE_CONNECTION=database
MAIL_MAILER=smtp
MAIL_HOST=smtp.hostingmail.test
MAIL_PORT=465
MAIL_ENCRYPTION=ssl
MAIL_USERNAME=info@bakkerij-example.test
MAIL_PASSWORD=fake-not-a-real-password
MAIL_FROM_ADDRESS=info@bakkerij-example.test
'''), ('commands.txt', r'''
$ php artisan tinker --execute="echo DB::table('jobs')->count();"
143

$ ps aux | grep -c "queue:work"
1

$ crontab -l
no crontab for deploy

$ php artisan queue:work --once     # ran by hand at 14:20, this produced the ERROR above
   Symfony\Component\Mailer\Exception\TransportException
   Connection could not be established with host "ssl://smtp.hostingmail.test:465"

$ nc -vz -w 5 smtp.hostingmail.test 465
nc: connect to smtp.hostingmail.test port 465 (tcp) timed out: Operation now in progress
''')],
  lang='php', fw='laravel')

# why: the call is about card-data scope and security findings across seven reports, not just thresholds
t('complex', 'quality-gate',
  "The cheese shop moves from Mollie's hosted checkout page to embedded card fields next week. Their bank wants "
  "us to confirm we still qualify for the simple self-assessment. Can you go through these reports, tell me if we "
  "can ship, and which findings actually matter for card data?",
  files=[('docs/release-criteria.md', r'''
- no open high/critical findings on pages that render or submit payment fields
- dependency audits: no critical, highs only with a dated plan
- payment test suite 100% green
- CSP must restrict script-src on /afrekenen to self + Mollie
- card data must never touch our servers (SAQ-A eligibility)
'''), ('reports/zap-full-scan.txt', r'''
High    Cross Site Scripting (Reflected)          GET /afrekenen?foutmelding=<script>...   (param: foutmelding)
Medium  Absence of Anti-CSRF Tokens               POST /winkelwagen/kortingscode
Medium  CSP: script-src unsafe-inline             /afrekenen
Low     Cookie No HttpOnly Flag                   cart_preview
Low     Timestamp Disclosure - Unix               /js/app.8f21c.js
Info    Modern Web Application                    /
'''), ('reports/composer-audit.txt', r'''
Found 2 security vulnerability advisories affecting 2 packages:
  mollie/mollie-api-php   medium   Improper validation of webhook IP list (fixed in 2.65.0, we run 2.61.0)
  symfony/http-foundation low      Open redirect in Request::getUri edge case
'''), ('reports/npm-audit.txt', r'''
# npm audit report
postcss  <8.4.31   Severity: moderate   Line return parsing error
axios  1.0.0 - 1.5.1   Severity: moderate   Cross-Site Request Forgery (XSRF-TOKEN leaked to third-party hosts)
vue-template-compiler  >=2.0.0   Severity: moderate   client-side XSS
3 moderate severity vulnerabilities
'''), ('reports/phpunit-payment.txt', r'''
Tests\Feature\Payment\MollieComponentsTest
 ✔ card token is sent to mollie create payment
 ✔ failed payment returns to checkout with message
 ✔ webhook marks order paid
 ✔ webhook is idempotent
 ✔ amount mismatch is rejected
OK (5 tests, 17 assertions)
'''), ('reports/csp-violations.log', r'''
2024-10-02T10:11:04Z /afrekenen blocked-uri=https://js.mollie.com/v1/mollie.js violated=script-src-elem (report-only)
2024-10-02T10:11:04Z /afrekenen blocked-uri=https://www.googletagmanager.com/gtm.js violated=script-src-elem (report-only)
2024-10-02T10:13:40Z /afrekenen blocked-uri=https://cdn.chatwidget.test/widget.js violated=script-src-elem (report-only)
2024-10-02T10:13:40Z /afrekenen blocked-uri=inline violated=script-src-elem (report-only)
'''), ('docs/saq-a-notes.md', r'''
Notes from call with the bank's compliance contact:
- embedded card fields are OK for SAQ-A only if they are iframes served by the provider
- all scripts on the payment page are in scope ("what can change the page can steal the card")
- they want a list of every third-party script on /afrekenen and who controls it
''')],
  fw=None, lang=None)

# why: ten-line test whose flakiness is visible on its face (wall-clock second boundary); no log digging
t('simple', 'flaky-test-analysis',
  "This test for the contact form fails maybe once a week on CI. Never when I run it. Why?",
  files=[('tests/Unit/FormSubmissionTest.php', r'''
<?php

namespace Tests\Unit;

use App\Models\FormSubmission;
use Tests\TestCase;

class FormSubmissionTest extends TestCase
{
    public function test_submission_is_timestamped(): void
    {
        $submission = FormSubmission::createFromRequest(['name' => 'Anna', 'email' => 'anna@example.test']);

        $this->assertEquals(now()->toDateTimeString(), $submission->submitted_at->toDateTimeString());
    }
}
''')],
  fw='phpunit', lang='php')

t('medium', 'test-execution',
  "Please run the Rails test suite for the booking app. It needs MySQL 8 and Redis, the compose file is attached. "
  "Give me the failures grouped by models / controllers / system tests, and tell me if any fail only because of "
  "setup (missing env, DB not ready) rather than real bugs.",
  files=[('docker-compose.test.yml', r'''
services:
  db:
    image: mysql:8.0
    environment:
      MYSQL_ROOT_PASSWORD: secret
      MYSQL_DATABASE: booking_test
    ports: ["3307:3306"]
    healthcheck:
      test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]
      interval: 5s
      retries: 10
  redis:
    image: redis:7-alpine
    ports: ["6380:6379"]
'''), ('config/database.yml', r'''
default: &default
  adapter: mysql2
  encoding: utf8mb4
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>
  username: root
  password: <%= ENV.fetch("DB_PASSWORD", "secret") %>
  host: 127.0.0.1
  port: <%= ENV.fetch("DB_PORT", 3307) %>

test:
  <<: *default
  database: booking_test
'''), ('bin/ci-test', r'''
#!/usr/bin/env bash
set -e
docker compose -f docker-compose.test.yml up -d --wait
export REDIS_URL=redis://127.0.0.1:6380/1
bin/rails db:prepare
bin/rails test
bin/rails test:system
''')],
  fw='minitest', lang='ruby')

t('complex', 'test-generation',
  "The escape-room client's booking partner resells their time slots and posts bookings to us as webhooks, signed "
  "a bit like Stripe does it. Write tests for this middleware. I want to be sure nobody can fake or replay a booking.",
  files=[('app/Http/Middleware/VerifyPartnerSignature.php', r'''
<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;

class VerifyPartnerSignature
{
    public function handle(Request $request, Closure $next)
    {
        $header = $request->header('X-Partner-Signature', '');

        if (! preg_match('/^t=(\d+),v1=([a-f0-9]{64})$/', $header, $m)) {
            abort(401, 'missing signature');
        }

        [, $timestamp, $signature] = $m;

        if (abs(time() - (int) $timestamp) > 300) {
            abort(401, 'stale signature');
        }

        $secrets = array_filter([config('partners.secret'), config('partners.previous_secret')]);
        $payload = $timestamp . '.' . $request->getContent();

        foreach ($secrets as $secret) {
            if (hash_equals(hash_hmac('sha256', $payload, $secret), $signature)) {
                if (Cache::add('partner-sig:' . $signature, true, 600)) {
                    return $next($request);
                }
                abort(409, 'replayed');
            }
        }

        abort(401, 'bad signature');
    }
}
''')],
  reqs=['Pest feature tests against a dummy route using the middleware', 'use a clearly fake secret such as "whsec_test_not_real"',
        'cover secret rotation, tampered body, replay inside and after the cache window, clock skew at the 300 s edge'],
  fw='pest', lang='php')

# why: a long audit table, but the ask is to copy out the high/critical rows with their fixed range — mechanical
t('simple', 'security-scan',
  "composer audit output for the furniture client's Laravel app below. Please list only the high and critical "
  "ones with the affected version range, I'll paste it into the monthly client report.",
  files=[('composer-audit.txt', 'Found 13 security vulnerability advisories affecting 13 packages:\n'
          + lines(len(_ADVISORIES), _adv_block))],
  fw='composer', lang='php')

t('medium', 'quality-gate',
  "Client release on Thursday. Our agency release checklist is in the requirements. Does build #212 of the "
  "installer-portal meet it? Reports attached.",
  files=[('reports/tests.txt', r'''
Tests:    412 passed, 6 skipped (1183 assertions)
Duration: 48.21s

Skipped:
  Tests\Feature\ExactOnlineSyncTest::it_syncs_invoices            (ticket #318)
  Tests\Feature\ExactOnlineSyncTest::it_retries_on_rate_limit     (ticket #318)
  Tests\Feature\PlanningExportTest::it_exports_to_outlook         (ticket #322)
  Tests\Feature\PlanningExportTest::it_handles_dst_week           (no ticket)
  Tests\Unit\PdfQuoteTest::it_renders_logo                        (ticket #290)
  Tests\Unit\PdfQuoteTest::it_renders_signature                   (ticket #290)
'''), ('reports/coverage.txt', r'''
Summary           Lines: 78.40% (4120/5255)
app/Domain        Lines: 73.90% (1402/1897)
app/Http          Lines: 81.22% (1311/1614)
app/Jobs          Lines: 69.10% (418/605)
app/Support       Lines: 86.30% (989/1146)
'''), ('reports/phpstan.txt', r'''
PHPStan level 5, baseline phpstan-baseline.neon (214 ignored errors)
 [OK] No errors
Baseline entries no longer matched: 3
New errors outside baseline: 0
'''), ('reports/composer-audit.txt', r'''
Found 1 security vulnerability advisory affecting 1 package:
  nesbot/carbon   medium   Path traversal in locale loading   (fixed in 2.72.2, we run 2.71.0)
''')],
  reqs=['all tests pass; at most 5 skipped and every skip must reference a ticket', 'line coverage >= 75% on app/Domain',
        'no new PHPStan errors at level 5 against the baseline', 'no high or critical advisories; medium allowed if logged'],
  fw='phpunit', lang='php')

t('complex', 'performance-testing',
  "When the outdoor shop's newsletter goes out with a discount code, checkout crawls, some people get 'page "
  "expired' and a couple were charged without getting an order. If five of us click around at the same time "
  "it's fine. How do I test this for real and find out what's choking?",
  files=[('app/Http/Controllers/CheckoutController.php', r'''
<?php

namespace App\Http\Controllers;

use App\Models\Order;
use App\Models\Product;
use App\Services\CartService;
use App\Services\PaymentService;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class CheckoutController extends Controller
{
    public function store(Request $request, CartService $cart, PaymentService $payments)
    {
        $items = $cart->items($request->session()->getId());

        $order = DB::transaction(function () use ($items, $request, $payments) {
            $products = Product::whereIn('id', array_keys($items))->lockForUpdate()->get();

            foreach ($products as $product) {
                if ($product->stock < $items[$product->id]) {
                    abort(409, "{$product->name} is niet meer op voorraad");
                }
                $product->decrement('stock', $items[$product->id]);
            }

            $order = Order::createFromCart($items, $request->user(), $request->input('coupon'));
            $order->payment_id = $payments->createPayment($order)->id; // HTTP call, 0.5-3 s
            $order->save();

            return $order;
        });

        return redirect($order->checkoutUrl());
    }
}
'''), ('config/session.php.excerpt', r'''
'driver' => env('SESSION_DRIVER', 'file'),
'lifetime' => 120,
'lottery' => [2, 100],
'''), ('deploy/php-fpm-www.conf.excerpt', r'''
pm = static
pm.max_children = 12
request_terminate_timeout = 30s
'''), ('app/Http/Controllers/CouponController.php', r'''
<?php

namespace App\Http\Controllers;

use App\Models\Coupon;
use Illuminate\Http\Request;

class CouponController extends Controller
{
    public function apply(Request $request)
    {
        $coupon = Coupon::where('code', strtoupper($request->input('code')))->firstOrFail();

        if ($coupon->uses >= $coupon->max_uses) {
            return back()->withErrors(['code' => 'Deze code is al te vaak gebruikt.']);
        }

        $coupon->increment('uses');
        $request->session()->put('coupon', $coupon->code);

        return back();
    }
}
''')],
  lang='php', fw='k6')

# why: a two-line repository and a five-line assertion; the missing ORDER BY is visible directly
t('simple', 'flaky-test-analysis',
  "Since the client moved hosting (new MariaDB server), this test fails every few runs. It never did before.",
  files=[('app/Repositories/NewsRepository.php', r'''
<?php

namespace App\Repositories;

use App\Models\News;
use Illuminate\Support\Collection;

class NewsRepository
{
    public function published(): Collection
    {
        return News::where('published', true)->get();
    }
}
'''), ('tests/Feature/NewsRepositoryTest.php', r'''
<?php

namespace Tests\Feature;

use App\Models\News;
use App\Repositories\NewsRepository;
use Tests\TestCase;

class NewsRepositoryTest extends TestCase
{
    public function test_published_news_is_listed(): void
    {
        News::factory()->create(['title' => 'Zomer openingstijden', 'published' => true]);
        News::factory()->create(['title' => 'Nieuwe menukaart', 'published' => true]);
        News::factory()->create(['title' => 'Concept', 'published' => false]);

        $items = app(NewsRepository::class)->published();

        $this->assertCount(2, $items);
        $this->assertSame('Zomer openingstijden', $items->first()->title);
    }
}
''')],
  fw='phpunit', lang='php')

t('medium', 'test-execution',
  "Please run our Playwright e2e suite against staging (it's behind basic auth, the credentials are in the "
  "STAGING_USER / STAGING_PASS CI secrets). Retry failures once and give me a report per browser project, "
  "including which tests only passed on the retry.",
  files=[('playwright.config.ts', r'''
import { defineConfig, devices } from '@playwright/test'

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  retries: process.env.CI ? 2 : 0,
  reporter: [['list'], ['json', { outputFile: 'e2e-results.json' }]],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:8000',
    httpCredentials: process.env.STAGING_USER
      ? { username: process.env.STAGING_USER, password: process.env.STAGING_PASS ?? '' }
      : undefined,
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    { name: 'mobile-safari', use: { ...devices['iPhone 13'] } },
  ],
})
'''), ('e2e/checkout.spec.ts', r'''
import { test, expect } from '@playwright/test'

test('guest can order a gift box', async ({ page }) => {
  await page.goto('/cadeaupakketten/kaasplank-deluxe')
  await page.getByRole('button', { name: 'In winkelwagen' }).click()
  await page.getByRole('link', { name: 'Afrekenen' }).click()
  await page.getByLabel('E-mailadres').fill('e2e+guest@example.test')
  await page.getByLabel('Postcode').fill('3511 AB')
  await page.getByLabel('Huisnummer').fill('12')
  await expect(page.getByLabel('Straat')).toHaveValue(/.+/)
  await page.getByRole('button', { name: 'Naar betalen' }).click()
  await expect(page).toHaveURL(/mollie\.com|\/betaling\/test/)
})
''')],
  reqs=['BASE_URL must point at the staging host, not localhost', 'do not change the config file; pass options on the command line'],
  fw='playwright', lang='typescript')

t('complex', 'coverage-analysis',
  "Coverage on app/Policies is 92% for the housing corporation's tenant portal, but I have a feeling the tests only "
  "ever check that people CAN do things. Which permission decisions are never tested in the 'denied' direction?",
  files=[('coverage/policies.txt', r'''
app/Policies/RepairRequestPolicy.php     Lines: 94.12% (32/34)
app/Policies/DocumentPolicy.php          Lines: 90.00% (27/30)
app/Policies/TenancyPolicy.php           Lines: 91.67% (22/24)
app/Policies/MessagePolicy.php           Lines: 92.31% (12/13)
Total                                    Lines: 92.08% (93/101)
'''), ('app/Policies/RepairRequestPolicy.php', r'''
<?php

namespace App\Policies;

use App\Models\RepairRequest;
use App\Models\User;

class RepairRequestPolicy
{
    public function view(User $user, RepairRequest $repair): bool
    {
        if ($user->isStaff()) {
            return $user->region_id === $repair->unit->region_id || $user->hasRole('manager');
        }
        if ($user->isContractor()) {
            return $repair->contractor_id === $user->contractor_id && $repair->status !== 'draft';
        }

        return $repair->tenancy->tenants->contains($user);
    }

    public function update(User $user, RepairRequest $repair): bool
    {
        if ($repair->status === 'closed') {
            return $user->hasRole('manager');
        }

        return $this->view($user, $repair) && ! $user->isContractor();
    }

    public function assignContractor(User $user, RepairRequest $repair): bool
    {
        return $user->isStaff() && $user->region_id === $repair->unit->region_id;
    }
}
'''), ('app/Policies/DocumentPolicy.php', r'''
<?php

namespace App\Policies;

use App\Models\Document;
use App\Models\User;

class DocumentPolicy
{
    public function download(User $user, Document $document): bool
    {
        if ($user->isStaff()) {
            return true;
        }

        if ($document->visibility === 'tenancy') {
            return $document->tenancy->tenants->contains($user)
                && $document->tenancy->ended_at === null;
        }

        if ($document->visibility === 'building') {
            return $user->tenancies()->whereHas('unit', fn ($q) => $q->where('building_id', $document->building_id))->exists();
        }

        return $document->visibility === 'public';
    }
}
'''), ('app/Policies/TenancyPolicy.php', r'''
<?php

namespace App\Policies;

use App\Models\Tenancy;
use App\Models\User;

class TenancyPolicy
{
    public function view(User $user, Tenancy $tenancy): bool
    {
        return $user->isStaff() || $tenancy->tenants->contains($user);
    }

    public function addCoTenant(User $user, Tenancy $tenancy): bool
    {
        return $tenancy->main_tenant_id === $user->id && $tenancy->ended_at === null;
    }

    public function terminate(User $user, Tenancy $tenancy): bool
    {
        return $user->isStaff() || $tenancy->main_tenant_id === $user->id;
    }
}
'''), ('tests/Feature/Policies/RepairRequestPolicyTest.php', r'''
<?php

use App\Models\RepairRequest;
use App\Models\User;

it('lets a tenant view their own repair request', function () {
    $repair = RepairRequest::factory()->create();
    $tenant = $repair->tenancy->tenants->first();
    expect($tenant->can('view', $repair))->toBeTrue();
});

it('lets regional staff assign a contractor', function () {
    $repair = RepairRequest::factory()->create();
    $staff = User::factory()->staff()->create(['region_id' => $repair->unit->region_id]);
    expect($staff->can('assignContractor', $repair))->toBeTrue();
});

it('lets the assigned contractor view an open request', function () {
    $repair = RepairRequest::factory()->open()->withContractor()->create();
    $contractor = User::factory()->contractor()->create(['contractor_id' => $repair->contractor_id]);
    expect($contractor->can('view', $repair))->toBeTrue();
});

it('lets a manager update a closed request', function () {
    $repair = RepairRequest::factory()->closed()->create();
    expect(User::factory()->manager()->create()->can('update', $repair))->toBeTrue();
});
'''), ('tests/Feature/Policies/DocumentPolicyTest.php', r'''
<?php

use App\Models\Document;
use App\Models\User;

it('lets staff download anything', function () {
    expect(User::factory()->staff()->create()->can('download', Document::factory()->create()))->toBeTrue();
});

it('lets a tenant download their tenancy documents', function () {
    $doc = Document::factory()->forTenancy()->create();
    expect($doc->tenancy->tenants->first()->can('download', $doc))->toBeTrue();
});

it('lets anyone download public documents', function () {
    expect(User::factory()->create()->can('download', Document::factory()->public()->create()))->toBeTrue();
});
''')],
  reqs=['list concrete deny cases per policy method that a test should assert', 'point out any rule where the code itself looks wrong'],
  fw='pest', lang='php')

# why: six spec files, but each is a small mechanical Jest-to-Vitest conversion (imports, jest.fn -> vi.fn);
# the rubric counts framework conversion as simple, and file count alone does not make it complex
t('simple', 'test-generation',
  "We're moving the florist's Vue storefront from Jest to Vitest. Please convert these six spec files, keep the "
  "tests exactly as they are otherwise.",
  files=[('tests/unit/PriceTag.spec.js', r'''
import { mount } from '@vue/test-utils'
import PriceTag from '@/components/PriceTag.vue'

describe('PriceTag', () => {
  it('shows euros with a comma', () => {
    const wrapper = mount(PriceTag, { props: { cents: 1995 } })
    expect(wrapper.text()).toBe('€ 19,95')
  })
})
'''), ('tests/unit/AddToCartButton.spec.js', r'''
import { mount } from '@vue/test-utils'
import AddToCartButton from '@/components/AddToCartButton.vue'

describe('AddToCartButton', () => {
  it('emits add with the product id', async () => {
    const wrapper = mount(AddToCartButton, { props: { productId: 42 } })
    await wrapper.trigger('click')
    expect(wrapper.emitted('add')[0]).toEqual([42])
  })
})
'''), ('tests/unit/DeliveryDatePicker.spec.js', r'''
import { mount } from '@vue/test-utils'
import DeliveryDatePicker from '@/components/DeliveryDatePicker.vue'

describe('DeliveryDatePicker', () => {
  beforeEach(() => {
    jest.useFakeTimers().setSystemTime(new Date('2024-02-12T10:00:00'))
  })
  afterEach(() => jest.useRealTimers())

  it('does not offer Sundays', () => {
    const wrapper = mount(DeliveryDatePicker)
    expect(wrapper.findAll('option').map((o) => o.text())).not.toContain('zondag 18 februari')
  })
})
'''), ('tests/unit/CardMessage.spec.js', r'''
import { mount } from '@vue/test-utils'
import CardMessage from '@/components/CardMessage.vue'

describe('CardMessage', () => {
  it('counts remaining characters', async () => {
    const wrapper = mount(CardMessage, { props: { max: 120 } })
    await wrapper.find('textarea').setValue('Gefeliciteerd!')
    expect(wrapper.find('.remaining').text()).toBe('106')
  })
})
'''), ('tests/unit/useCart.spec.js', r'''
import { useCart } from '@/composables/useCart'
import * as api from '@/api/cart'

jest.mock('@/api/cart')

describe('useCart', () => {
  it('loads the cart from the api', async () => {
    api.fetchCart.mockResolvedValue({ items: [{ id: 1, qty: 2 }] })
    const { items, load } = useCart()
    await load()
    expect(items.value).toHaveLength(1)
  })
})
'''), ('tests/unit/NewsletterSignup.spec.js', r'''
import { mount, flushPromises } from '@vue/test-utils'
import NewsletterSignup from '@/components/NewsletterSignup.vue'

describe('NewsletterSignup', () => {
  it('posts the email address', async () => {
    global.fetch = jest.fn().mockResolvedValue({ ok: true })
    const wrapper = mount(NewsletterSignup)
    await wrapper.find('input').setValue('klant@example.test')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/newsletter', expect.objectContaining({ method: 'POST' }))
  })
})
''')],
  fw='vitest', lang='javascript')

t('medium', 'security-scan',
  "Dentist client's WordPress site moves to a VPS we manage ourselves, running in Docker. This is what I have. "
  "Anything I should fix before it's live?",
  files=[('docker-compose.yml', r'''
services:
  db:
    image: mariadb:10.6
    restart: always
    ports:
      - "3306:3306"
    environment:
      MYSQL_ROOT_PASSWORD: root
      MYSQL_DATABASE: wp_tandarts
      MYSQL_USER: wp
      MYSQL_PASSWORD: wp
    volumes:
      - db_data:/var/lib/mysql

  wordpress:
    image: wordpress:6.4-php8.1-apache
    restart: always
    ports:
      - "80:80"
    environment:
      WORDPRESS_DB_HOST: db
      WORDPRESS_DB_USER: wp
      WORDPRESS_DB_PASSWORD: wp
      WORDPRESS_DB_NAME: wp_tandarts
      WORDPRESS_DEBUG: 1
    volumes:
      - ./wp-content:/var/www/html/wp-content
      - ./backups:/var/www/html/backups

  phpmyadmin:
    image: phpmyadmin:latest
    ports:
      - "8080:80"
    environment:
      PMA_HOST: db

volumes:
  db_data:
'''), ('wp-config-extra.php', r'''
<?php
define( 'WP_DEBUG_LOG', true );
define( 'WP_DEBUG_DISPLAY', true );
define( 'DISALLOW_FILE_EDIT', false );
define( 'FORCE_SSL_ADMIN', false );
define( 'WP_AUTO_UPDATE_CORE', false );
'''), ('backups/README.txt', r'''
Nightly: mysqldump wp_tandarts > backups/wp_tandarts-$(date +%F).sql
Kept for 30 days.
''')],
  lang=None, fw='docker-compose')

t('complex', 'coverage-analysis',
  "Checkout module of the wine shop, coverage per file plus the source with uncovered lines marked. Which "
  "uncovered branches could actually cost the client money or get them in trouble, and in what order should we test them?",
  files=[('coverage/clover-summary.txt', r'''
file                                         stmts  covered  branches  covered
app/Checkout/TaxCalculator.php                  41       33        14        8
app/Checkout/CouponService.php                  58       37        22        9
app/Checkout/ShippingCalculator.php             64       40        26       11
app/Checkout/RefundService.php                  47       12        18        2
app/Checkout/GiftCardService.php                39       15        12        3
app/Checkout/Rounding.php                       18       18         6        6
app/Checkout/AgeVerification.php                22        9         8        2
'''), ('app/Checkout/TaxCalculator.php', r'''
<?php
namespace App\Checkout;

class TaxCalculator
{
    public function rateFor(string $country, string $category, bool $business): int
    {
        if ($business && $country !== 'NL') {
            return 0;                                   // !! uncovered
        }
        if ($category === 'alcohol') {
            return $country === 'BE' ? 21 : 21;
        }
        if (in_array($category, ['food', 'books'], true)) {
            return $country === 'BE' ? 6 : 9;           // !! BE branch uncovered
        }
        return $country === 'BE' ? 21 : 21;
    }
}
'''), ('app/Checkout/RefundService.php', r'''
<?php
namespace App\Checkout;

class RefundService
{
    public function refund(Order $order, int $cents, string $reason): Refund
    {
        if ($cents > $order->refundableCents()) {               // !! uncovered
            throw new RefundTooLarge($order->id, $cents);
        }
        if ($order->paidWithGiftCard()) {                       // !! uncovered
            return $this->giftCards->credit($order->giftCard, $cents, $reason);
        }
        $refund = $this->mollie->refund($order->payment_id, $cents);
        if ($refund->status === 'failed') {                     // !! uncovered
            $order->flagForManualRefund($cents, $reason);
        }
        return Refund::record($order, $cents, $reason, $refund->id);
    }
}
'''), ('app/Checkout/GiftCardService.php', r'''
<?php
namespace App\Checkout;

class GiftCardService
{
    public function redeem(GiftCard $card, int $cents): int
    {
        if ($card->expires_at?->isPast()) {                     // !! uncovered
            throw new GiftCardExpired($card->code);
        }
        $used = min($cents, $card->balance_cents);
        $card->balance_cents -= $used;                          // !! no lock / no transaction
        $card->save();
        return $used;
    }

    public function credit(GiftCard $card, int $cents, string $reason): Refund { /* ... */ }
}
'''), ('app/Checkout/AgeVerification.php', r'''
<?php
namespace App\Checkout;

class AgeVerification
{
    public function required(Cart $cart): bool
    {
        return $cart->containsCategory('alcohol');
    }

    public function verified(Customer $customer, Cart $cart): bool
    {
        if (! $this->required($cart)) {
            return true;
        }
        if ($customer->birthdate === null) {                    // !! uncovered
            return false;
        }
        return $customer->birthdate->diffInYears(now()) >= 18;  // !! uncovered
    }
}
'''), ('app/Checkout/CouponService.php', r'''
<?php
namespace App\Checkout;

class CouponService
{
    public function validate(Coupon $coupon, Cart $cart, ?Customer $customer): void
    {
        if ($coupon->expired()) throw new CouponInvalid('expired');
        if ($cart->subtotalCents() < $coupon->minimum_cents) throw new CouponInvalid('minimum');   // !! uncovered
        if ($coupon->once_per_customer && $customer && $customer->hasUsed($coupon)) {            // !! uncovered
            throw new CouponInvalid('used');
        }
        if ($coupon->excludes_alcohol && $cart->containsCategory('alcohol')) {                   // !! uncovered
            throw new CouponInvalid('alcohol');
        }
    }
}
''')],
  fw='phpunit', lang='php')

t('simple', 'test-execution',
  "Run phpunit for tests/Unit only and tell me what's red. I don't need the feature tests right now.",
  fw='phpunit', lang='php')

t('medium', 'performance-testing',
  "JMeter run against the staging copy of the cheese shop, 200 users for 15 minutes. The client's SLA and the "
  "aggregate report are below. Which endpoints break the SLA, and what would you look at first for each?",
  files=[('results/aggregate-report.csv',
          'Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput\n'
          + lines(len(_JM_ROWS), _jm_row))],
  reqs=['SLA: p95 under 800 ms for pages, under 1500 ms for POST /afrekenen/betalen', 'error rate under 1% per endpoint',
        'ignore /sitemap.xml, it is generated once a day'],
  fw='jmeter', lang=None)

t('complex', 'defect-analysis',
  "After we moved the school group's WordPress multisite (one site per school) to the new hosting with two web "
  "servers, staff keep getting logged out at random, and twice a teacher saw the admin bar of a different school "
  "site with someone else's name in it. Nothing like this on the old single server. Configs and the reports we "
  "collected are attached.",
  files=[('web1/wp-config.php.excerpt', r'''
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'scholengroep-example.test' );
define( 'COOKIE_DOMAIN', '' );

// generated by provision.sh on first boot
define( 'AUTH_KEY',        'fake-web1-Jq8#kd0r...not-real' );
define( 'SECURE_AUTH_KEY', 'fake-web1-Pz!m2Lq...not-real' );
define( 'LOGGED_IN_KEY',   'fake-web1-77aa9Xw...not-real' );

define( 'WP_REDIS_HOST', 'redis.internal' );
define( 'WP_REDIS_DATABASE', 0 );
'''), ('web2/wp-config.php.excerpt', r'''
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'scholengroep-example.test' );
define( 'COOKIE_DOMAIN', '' );

// generated by provision.sh on first boot
define( 'AUTH_KEY',        'fake-web2-Bv4%op1e...not-real' );
define( 'SECURE_AUTH_KEY', 'fake-web2-Ww3^hR8...not-real' );
define( 'LOGGED_IN_KEY',   'fake-web2-0c1dM5z...not-real' );

define( 'WP_REDIS_HOST', 'redis.internal' );
define( 'WP_REDIS_DATABASE', 0 );
'''), ('staging/wp-config.php.excerpt', r'''
// staging copy of the same multisite, same Redis instance to save costs
define( 'DOMAIN_CURRENT_SITE', 'staging.scholengroep-example.test' );
define( 'WP_REDIS_HOST', 'redis.internal' );
define( 'WP_REDIS_DATABASE', 0 );
'''), ('lb/haproxy.cfg.excerpt', r'''
backend wordpress
    balance roundrobin
    option httpchk GET /wp-login.php
    server web1 10.0.2.11:80 check
    server web2 10.0.2.12:80 check
'''), ('cdn/page-rules.txt', r'''
Rule 1: *scholengroep-example.test/*   Cache Level: Cache Everything, Edge TTL: 2 hours
Rule 2: *scholengroep-example.test/wp-admin/*   Cache Level: Bypass
(no cookie-based bypass configured)
'''), ('reports/staff-reports.txt', r'''
- Mon 09:05  de-linde.scholengroep-example.test  teacher logged out while saving a post, logs in again, works for a few clicks
- Mon 11:40  het-anker...  "I saw 'Hallo, m.jansen' in the black bar at the top but I'm not Jansen", on the public homepage
- Tue 08:30  de-linde...  logged out 4 times in 10 minutes
- Wed 14:10  het-anker...  homepage showed the news item we only published on staging
- Thu 10:02  de-regenboog...  login works, then "Sorry, you are not allowed to access this page" in wp-admin
''')],
  lang='php', fw='wordpress')

t('complex', 'test-execution',
  "The massage studio had two customers turn up for the same slot last week. I wrote a test that fires parallel "
  "bookings at the same slot. Please run it 200 times against the MySQL test database (not SQLite) and tell me "
  "whether a double booking ever shows up, how often, and under which conditions.",
  files=[('app/controllers/bookings_controller.rb', r'''
class BookingsController < ApplicationController
  def create
    slot = Slot.find(params[:slot_id])

    unless slot.available?
      return redirect_to slots_path, alert: t('.slot_taken')
    end

    booking = slot.bookings.build(booking_params.merge(customer: current_customer))
    if booking.save
      BookingMailer.with(booking: booking).confirmation.deliver_later
      redirect_to booking_path(booking), notice: t('.confirmed')
    else
      render :new, status: :unprocessable_entity
    end
  end

  private

  def booking_params
    params.require(:booking).permit(:treatment_id, :notes)
  end
end
'''), ('app/models/slot.rb', r'''
class Slot < ApplicationRecord
  has_many :bookings, -> { where(cancelled_at: nil) }
  belongs_to :practitioner

  def available?
    bookings.count < capacity
  end
end
'''), ('test/concurrency/double_booking_test.rb', r'''
require 'test_helper'

class DoubleBookingTest < ActionDispatch::IntegrationTest
  self.use_transactional_tests = false

  setup do
    @slot = slots(:monday_10am) # capacity 1
    @customers = customers(:anna, :bram, :chris, :dewi)
  end

  teardown do
    Booking.where(slot: @slot).delete_all
  end

  test 'only one customer gets a single-capacity slot' do
    threads = @customers.map do |customer|
      Thread.new do
        ActiveRecord::Base.connection_pool.with_connection do
          session = open_session
          session.sign_in(customer)
          session.post bookings_path, params: { slot_id: @slot.id, booking: { treatment_id: 1 } }
        end
      end
    end
    threads.each(&:join)

    assert_equal 1, Booking.where(slot: @slot).count
  end
end
''')],
  reqs=['run with the MySQL config from database.yml, isolation level as configured in production (REPEATABLE READ)',
        'report the failure rate and whether it changes with 2, 4 and 8 threads'],
  fw='minitest', lang='ruby')
