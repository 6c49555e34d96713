from lib import t, lines

# Persona: automotive / industrial embedded functional-safety engineer.
#   Writes C (MISRA C:2012) and some C++ for brake, steering, body and PLC controllers;
#   lives with CAN / CAN FD, Modbus RTU/TCP, FreeRTOS / AUTOSAR OS tasks and ISRs,
#   ISO 26262 (ASIL A-D) and IEC 61508 (SIL) work products, and HIL rig logs.
#   Always cites formal requirement IDs (REQ-BRK-112 style) in every request.
#   Tools: Ceedling/Unity/CMock, CppUTest, GoogleTest, pytest on the HIL rig, CANoe, Testwell CTC++.


# ---------------------------------------------------------------- generated artefacts

_BCM_MODS = [('door', 'Door'), ('window', 'Win'), ('mirror', 'Mir'), ('lamp', 'Lamp'),
             ('wiper', 'Wip'), ('lock', 'Lock')]
_BCM_FNS = ['Init', 'MainFunction', 'GetState', 'SetRequest', 'HandleTimeout', 'ClearDtc',
            'ReadNvm', 'WriteNvm', 'OnWakeup', 'OnSleep']


def _bcm_cov(i):
    f, pfx = _BCM_MODS[i % 6]
    fn = _BCM_FNS[i // 6]
    total = 8 + (i * 5) % 37
    hit = 0 if (i * 7) % 11 == 3 else total - (i * 3) % (total // 2 + 1)
    return f'src/bcm/{f + ".c":<10} {pfx + "_" + fn:<20} {hit:>3}/{total:<3} {100.0 * hit / total:6.2f}%'


def _eps_row(i):
    req = f'REQ-EPS-{300 + i // 4}'
    verdict = 'FAIL' if i % 17 == 5 else ('BLOCKED' if i % 23 == 11 else 'PASS')
    dur = 2.0 + (i * 37 % 90) / 10
    return f'TC_EPS_{1000 + i};{req};{verdict};{dur:.1f};HIL-EPS-02;EPS_APP_4.2.1-rc3'


_NIGHT_TESTS = ['test_Brk_PedalPlausibility', 'test_Brk_RampDown', 'test_Brk_HoldRelease',
                'test_Brk_LampOutput', 'test_Brk_DtcStore', 'test_Brk_AbsHandshake',
                'test_Brk_NvmShadow', 'test_Brk_WakeupSeq', 'test_Brk_SleepSeq',
                'test_Brk_ParkEngage', 'test_Brk_CanTimeout', 'test_Brk_SelfTest']


def _night_row(i):
    cells = []
    for n in range(20):
        fail = ((i in (2, 7, 10)) and ((n * (i + 3)) % 9 == 4)) or (i == 5 and n >= 14)
        cells.append('FAIL' if fail else 'PASS')
    return _NIGHT_TESTS[i] + ',' + ','.join(cells)


_RTOS_TASKS = ['Brk_Ctrl_1ms', 'Brk_Ctrl_5ms', 'Abs_Main_5ms', 'Com_Rx_10ms', 'Com_Tx_10ms',
               'Dem_Main_10ms', 'Nvm_Main_20ms', 'Wdg_Trigger_20ms', 'Diag_Dcm_10ms', 'Io_Adc_2ms',
               'Io_Pwm_2ms', 'Lamp_Ctrl_50ms', 'Epb_Motor_5ms', 'Epb_Logic_10ms', 'Ssm_Main_10ms',
               'Vsm_Main_20ms', 'Can_BusOff_10ms', 'Lin_Sched_5ms', 'Lin_Rx_5ms', 'Xcp_Bg',
               'Idle', 'Tmr_Service', 'Log_Writer_100ms', 'Cal_Check_100ms', 'Flash_Bg',
               'SelfTest_Ram_Bg', 'SelfTest_Rom_Bg', 'SelfTest_Cpu_10ms', 'Temp_Mon_100ms',
               'Volt_Mon_10ms', 'Pwr_Mode_20ms', 'Hsm_Comm_10ms', 'Sec_Oc_10ms', 'Tp_Main_5ms',
               'Nm_Main_10ms', 'EcuM_Main_10ms', 'BswM_Main_10ms', 'Fim_Main_10ms',
               'Rte_Bg', 'Trace_Flush_Bg']


def _stack_row(i):
    size = [512, 1024, 768, 2048, 1536][i % 5]
    used = (size * (45 + (i * 29) % 52)) // 100
    return f'{_RTOS_TASKS[i]:<18} {size:>6} {used:>6} {100.0 * used / size:6.1f}%'


_SA_FILES = ['src/dcm/dcm_rdbi.c', 'src/dcm/dcm_wdbi.c', 'src/log/log_fmt.c', 'src/nvm/nvm_blk.c',
             'src/com/com_rx.c', 'src/cal/cal_load.c']
_SA_CWE = [('CWE-120', 'Buffer copy without checking size of input'),
           ('CWE-190', 'Integer overflow or wraparound'),
           ('CWE-476', 'NULL pointer dereference'),
           ('CWE-787', 'Out-of-bounds write'),
           ('CWE-457', 'Use of uninitialized variable'),
           ('CWE-134', 'Use of externally-controlled format string')]


def _sa_row(i):
    cwe, title = _SA_CWE[(i * 5) % 6]
    f = _SA_FILES[(i * 7) % 6]
    line = 40 + (i * 53) % 380
    sev = ['high', 'medium', 'low'][(i * 2) % 3]
    return f'{f}:{line}: [{sev}] {cwe} {title} (rule DS-{1000 + (i * 11) % 97})'


def _trace_row(i):
    asil = ['B', 'C', 'C', 'D', 'QM', 'B'][i % 6]
    req = f'REQ-EPB-{500 + i}'
    rb = 'TC_EPB_%04d' % (2000 + i) if i % 9 != 4 else ''
    iface = 'TC_EPB_IF_%03d' % i if (i % 4 != 1 or asil in ('QM', 'B')) else ''
    fi = 'TC_EPB_FI_%03d' % i if (asil == 'D' and i % 5 != 3) else ''
    review = 'RV-EPB-%03d' % (i // 3)
    verdict = 'FAIL' if i % 13 == 7 else ('PASS' if rb else 'n/a')
    return f'{req},{asil},{rb},{iface},{fi},{review},{verdict}'


_DBC_MSGS = [
    ('ESC_WheelSpeeds', 0x0A0, 8, 10, 'ESC'), ('ESC_Status', 0x0A8, 8, 20, 'ESC'),
    ('EPS_Torque', 0x0B0, 8, 10, 'EPS'), ('EPS_Status', 0x0B4, 4, 20, 'EPS'),
    ('ECM_EngineData', 0x0C0, 8, 10, 'ECM'), ('ECM_Torque', 0x0C4, 8, 10, 'ECM'),
    ('TCM_Gear', 0x0D0, 4, 20, 'TCM'), ('TCM_Status', 0x0D4, 8, 50, 'TCM'),
    ('BCM_Lights', 0x2A0, 8, 100, 'BCM'), ('BCM_Doors', 0x2A4, 4, 100, 'BCM'),
    ('GW_VehicleSpeed', 0x1A0, 8, 20, 'GW'), ('GW_Time', 0x3F0, 8, 1000, 'GW'),
    ('ADAS_Request', 0x110, 8, 20, 'ADAS'), ('ADAS_Status', 0x114, 8, 50, 'ADAS'),
    ('ACU_Crash', 0x050, 8, 10, 'ACU'), ('ACU_Status', 0x054, 4, 100, 'ACU'),
    ('EPB_Status', 0x180, 8, 20, 'EPB'), ('EPB_Request', 0x184, 4, 20, 'EPB'),
    ('IC_Display', 0x3A0, 8, 100, 'IC'), ('IC_Odometer', 0x3A4, 8, 1000, 'IC'),
]


def _dbc_row(i):
    name, cid, dlc, per, tx = _DBC_MSGS[i % 20]
    if i >= 20:
        name = name.replace('_', '_Ext') + '_FD'
        cid = cid + 0x400
        dlc = [8, 12, 16, 32, 64][i % 5]
        per = per * 2
    return f'0x{cid:03X}  {name:<26} DLC={dlc:<3} period={per:>5}ms  tx={tx:<5} deadline={per}ms'


def _rtos_trace_row(i):
    names = ['Io_Adc_2ms', 'Brk_Ctrl_5ms', 'Com_Rx_10ms', 'Dem_Main_10ms', 'Nvm_Main_20ms', 'Log_Writer_100ms']
    dls = [2000, 5000, 10000, 10000, 20000, 100000]
    task = names[i % 6]
    start = i * 1000 + (i * 37) % 300
    dur = [180, 1450, 620, 410, 900, 2600][i % 6] + (i * 13) % 60
    flags = '-'
    if i % 6 == 1 and i % 4 == 3:
        dur = 4900 + (i * 7) % 200
        flags = 'BRK_NVM_SYNC'
    resp = dur + (0 if i % 6 == 0 else 180 * (1 + dur // 2000))
    return (f'{start:>8}us  {task:<18} exec={dur:>5}us  resp={resp:>5}us  '
            f'deadline={dls[i % 6]:>6}us  flags={flags}')


# ---------------------------------------------------------------- tasks

t('simple', 'defect-analysis',
  'REQ-COM-118 test fails: gear 5 should give byte 2 = 0xA0, we get 0x50. Tiny function, where is the bug?',
  files=[('src/com/tx_pack.c', r'''
/* tx_pack.c - REQ-COM-118: gear position (3 bit) in byte 2, bits 5..7 of TCM_Gear */
#include <stdint.h>
#include "tx_pack.h"

void Tx_PackGear(uint8_t *frame, uint8_t gear)
{
    frame[2] = (uint8_t)((frame[2] & 0x1FU) | (uint8_t)((gear & 0x07U) << 4U));
}
''')],
  lang='c', fw='unity')

t('complex', 'test-generation',
  'I want property-based tests (RapidCheck, C++ harness around the C code) for the receive side of our '
  'E2E protection: the per-message check and the window state machine on top. REQ-E2E-001 to '
  'REQ-E2E-019, ASIL-D path for the brake request from ADAS. Think about which invariants must hold for '
  'any sequence of received, lost, repeated and corrupted frames, including counter wrap.',
  files=[('src/e2e/e2e_chk.c', r'''
/* e2e_chk.c - E2E receive check (4-bit counter 0..14, CRC8H2F over data id + payload)
 * REQ-E2E-001..010 */
#include <stddef.h>
#include "e2e_chk.h"
#include "crc8_h2f.h"

#define E2E_CNT_MOD  (15U)

static uint8_t e2e_delta(uint8_t rx, uint8_t last)
{
    return (rx >= last) ? (uint8_t)(rx - last) : (uint8_t)((E2E_CNT_MOD - last) + rx);
}

E2E_CheckStatus E2E_Check(E2E_RxState *st, const E2E_Config *cfg, const uint8_t *pdu, uint8_t len)
{
    uint8_t cnt;
    uint8_t crc;
    uint8_t delta;

    if ((st == NULL) || (cfg == NULL)) {
        return E2E_ERROR;
    }
    if (pdu == NULL) {
        return E2E_NONEWDATA;                                /* REQ-E2E-003 */
    }
    if (len != cfg->dataLength) {
        return E2E_ERROR;
    }
    crc = Crc8H2F_Calc(&pdu[1], (uint8_t)(len - 1U), cfg->dataId);
    if (crc != pdu[0]) {
        return E2E_ERROR;                                    /* REQ-E2E-004 */
    }
    cnt = (uint8_t)(pdu[1] & 0x0FU);
    if (cnt >= E2E_CNT_MOD) {
        return E2E_ERROR;
    }
    if (st->firstReceived == 0U) {
        st->firstReceived = 1U;
        st->lastCounter = cnt;
        return E2E_INITIAL;                                  /* REQ-E2E-005 */
    }
    delta = e2e_delta(cnt, st->lastCounter);
    if (delta == 0U) {
        return E2E_REPEATED;                                 /* REQ-E2E-006 */
    }
    st->lastCounter = cnt;
    if (delta == 1U) {
        return E2E_OK;
    }
    if (delta <= cfg->maxDeltaCounter) {
        return E2E_OKSOMELOST;                               /* REQ-E2E-007 */
    }
    return E2E_WRONGSEQUENCE;                                /* REQ-E2E-008 */
}
'''), ('src/e2e/e2e_sm.c', r'''
/* e2e_sm.c - E2E state machine over a sliding window of check results, REQ-E2E-011..019 */
#include <string.h>
#include "e2e_sm.h"

static void sm_count(const E2E_SMState *s, uint8_t *ok, uint8_t *err)
{
    uint8_t i;
    *ok = 0U;
    *err = 0U;
    for (i = 0U; i < s->filled; i++) {
        if ((s->window[i] == E2E_OK) || (s->window[i] == E2E_OKSOMELOST)) {
            (*ok)++;
        } else if ((s->window[i] == E2E_ERROR) || (s->window[i] == E2E_WRONGSEQUENCE)) {
            (*err)++;
        } else {
            /* REPEATED / NONEWDATA / INITIAL are neither */
        }
    }
}

void E2E_SMInit(E2E_SMState *s)
{
    (void)memset(s, 0, sizeof(*s));
    s->state = E2E_SM_NODATA;                                /* REQ-E2E-011 */
}

E2E_SMStateType E2E_SMCheck(E2E_SMState *s, const E2E_SMConfig *c, E2E_CheckStatus st)
{
    uint8_t ok;
    uint8_t err;

    if (s->state == E2E_SM_NODATA) {
        if ((st != E2E_ERROR) && (st != E2E_NONEWDATA)) {
            s->state = E2E_SM_INIT;                          /* REQ-E2E-012 */
        }
        return s->state;
    }
    s->window[s->idx] = st;
    s->idx = (uint8_t)((s->idx + 1U) % c->windowSize);
    if (s->filled < c->windowSize) {
        s->filled++;
    }
    sm_count(s, &ok, &err);

    switch (s->state) {
    case E2E_SM_INIT:
        if ((err <= c->maxErrorInit) && (ok >= c->minOkInit)) {
            s->state = E2E_SM_VALID;                         /* REQ-E2E-013 */
        } else if (err > c->maxErrorInit) {
            s->state = E2E_SM_INVALID;                       /* REQ-E2E-014 */
        } else {
            /* stay in INIT */
        }
        break;
    case E2E_SM_VALID:
        if ((err > c->maxErrorValid) || (ok < c->minOkValid)) {
            s->state = E2E_SM_INVALID;                       /* REQ-E2E-015 */
        }
        break;
    case E2E_SM_INVALID:
        if ((err <= c->maxErrorInvalid) && (ok >= c->minOkInvalid)) {
            s->state = E2E_SM_VALID;                         /* REQ-E2E-016 */
        }
        break;
    default:
        s->state = E2E_SM_NODATA;
        break;
    }
    return s->state;
}
''')],
  reqs=['generators for frame streams with loss, repetition, corruption and counter wrap',
        'shrinking must produce a minimal frame sequence for any counterexample',
        'state which REQ-E2E IDs each property covers'],
  lang='cpp', fw='rapidcheck')

# why: parser with length/CRC/broadcast/quantity edge cases in one ~80-line module -> medium
t('medium', 'test-generation',
  'Need Unity tests for our Modbus RTU slave request parser, traced to REQ-MB-010 to REQ-MB-016. '
  'Mb_Crc16 is already verified separately (REQ-MB-004), use the real one, do not mock it.',
  files=[('src/mb/mb_rtu_parse.c', r'''
/* mb_rtu_parse.c - Modbus RTU request parsing (slave side)
 * Implements REQ-MB-010 .. REQ-MB-016. MISRA C:2012, deviations in DEV-MB-002. */
#include <stdint.h>
#include <stddef.h>
#include "mb_crc.h"
#include "mb_rtu_parse.h"

#define MB_MIN_FRAME        (4U)
#define MB_MAX_FRAME        (256U)
#define MB_FC_READ_HOLD     (0x03U)
#define MB_FC_WRITE_SINGLE  (0x06U)
#define MB_FC_WRITE_MULTI   (0x10U)
#define MB_MAX_READ_QTY     (125U)
#define MB_MAX_WRITE_QTY    (123U)

static uint16_t mb_be16(const uint8_t *p)
{
    return (uint16_t)(((uint16_t)p[0] << 8U) | (uint16_t)p[1]);
}

Mb_ParseResult Mb_ParseRequest(const uint8_t *buf, uint16_t len, uint8_t own_addr, Mb_Request *req)
{
    uint16_t crc_rx;
    uint16_t crc_calc;

    if ((buf == NULL) || (req == NULL)) {
        return MB_PARSE_BAD_ARG;
    }
    if ((len < MB_MIN_FRAME) || (len > MB_MAX_FRAME)) {
        return MB_PARSE_BAD_LEN;                       /* REQ-MB-010 */
    }
    crc_rx = (uint16_t)((uint16_t)buf[len - 2U] | ((uint16_t)buf[len - 1U] << 8U));
    crc_calc = Mb_Crc16(buf, (uint16_t)(len - 2U));
    if (crc_rx != crc_calc) {
        return MB_PARSE_BAD_CRC;                       /* REQ-MB-011: discard silently */
    }
    if ((buf[0] != own_addr) && (buf[0] != 0U)) {
        return MB_PARSE_NOT_MINE;
    }
    req->addr = buf[0];
    req->fc = buf[1];
    req->broadcast = (buf[0] == 0U) ? 1U : 0U;
    req->exc = MB_EXC_NONE;

    switch (req->fc) {
    case MB_FC_READ_HOLD:
        if (len != 8U) {
            return MB_PARSE_BAD_LEN;
        }
        if (req->broadcast != 0U) {
            return MB_PARSE_NOT_MINE;                  /* REQ-MB-013: no broadcast reads */
        }
        req->start = mb_be16(&buf[2]);
        req->qty = mb_be16(&buf[4]);
        if ((req->qty == 0U) || (req->qty > MB_MAX_READ_QTY)) {
            req->exc = MB_EXC_ILLEGAL_VALUE;           /* REQ-MB-014 */
            return MB_PARSE_EXCEPTION;
        }
        break;
    case MB_FC_WRITE_SINGLE:
        if (len != 8U) {
            return MB_PARSE_BAD_LEN;
        }
        req->start = mb_be16(&buf[2]);
        req->qty = 1U;
        req->data = &buf[4];
        break;
    case MB_FC_WRITE_MULTI:
        if (len < 11U) {
            return MB_PARSE_BAD_LEN;
        }
        req->start = mb_be16(&buf[2]);
        req->qty = mb_be16(&buf[4]);
        if ((req->qty == 0U) || (req->qty > MB_MAX_WRITE_QTY) ||
            (buf[6] != (uint8_t)(req->qty * 2U))) {
            req->exc = MB_EXC_ILLEGAL_VALUE;           /* REQ-MB-014 */
            return MB_PARSE_EXCEPTION;
        }
        if (len != (uint16_t)(9U + (uint16_t)buf[6])) {
            return MB_PARSE_BAD_LEN;
        }
        req->data = &buf[7];
        break;
    default:
        req->exc = MB_EXC_ILLEGAL_FUNCTION;            /* REQ-MB-015 */
        return MB_PARSE_EXCEPTION;
    }
    if (((uint32_t)req->start + (uint32_t)req->qty) > 0x10000UL) {
        req->exc = MB_EXC_ILLEGAL_ADDRESS;             /* REQ-MB-016 */
        return MB_PARSE_EXCEPTION;
    }
    return MB_PARSE_OK;
}
''')],
  reqs=['one test group per requirement ID, ID in the test name',
        'cover broadcast write accepted vs broadcast read rejected',
        'boundary quantities 0, 1, 123/125 and 124/126'],
  lang='c', fw='unity')

# why: told as "misses its deadline when the logger is busy"; the trace shows a low-priority task
# holding a plain binary semaphore the 5 ms task needs while a mid-priority task runs (priority
# inversion) -> concurrency, complex
t('complex', 'defect-analysis',
  'The 5 ms brake control task misses its deadline every few minutes, but only while the diagnostic '
  'logger is writing to data flash. The logger is the lowest priority task so I do not see how it can '
  'hurt us. REQ-BRK-140 says Brk_Ctrl_5ms never exceeds 4.5 ms response time. Tasks and a trace '
  'from the Tracealyzer export attached.',
  files=[('src/brk/brk_ctrl.c', r'''
/* brk_ctrl.c - priority 6 (highest app task), period 5 ms */
#include "FreeRTOS.h"
#include "semphr.h"
#include "nvm_shadow.h"

extern SemaphoreHandle_t g_nvm_shadow_lock;

void Brk_Ctrl_5ms(void *arg)
{
    TickType_t last = xTaskGetTickCount();
    for (;;) {
        Brk_ReadInputs();
        Brk_Compute();
        if (Brk_LearnValueChanged()) {
            (void)xSemaphoreTake(g_nvm_shadow_lock, portMAX_DELAY);
            NvmShadow_Set(NVM_ID_BRK_LEARN, Brk_GetLearnValue());
            (void)xSemaphoreGive(g_nvm_shadow_lock);
        }
        Brk_WriteOutputs();
        vTaskDelayUntil(&last, pdMS_TO_TICKS(5));
    }
}
'''), ('src/nvm/nvm_shadow.c', r'''
/* nvm_shadow.c - RAM shadow of NVM blocks */
#include "FreeRTOS.h"
#include "semphr.h"
#include "nvm_shadow.h"

SemaphoreHandle_t g_nvm_shadow_lock;

void NvmShadow_Init(void)
{
    g_nvm_shadow_lock = xSemaphoreCreateBinary();
    (void)xSemaphoreGive(g_nvm_shadow_lock);
}
'''), ('src/log/log_writer.c', r'''
/* log_writer.c - priority 1, period 100 ms */
#include "FreeRTOS.h"
#include "semphr.h"
#include "dflash.h"

extern SemaphoreHandle_t g_nvm_shadow_lock;

void Log_Writer_100ms(void *arg)
{
    for (;;) {
        if (Log_PendingBytes() > 0U) {
            (void)xSemaphoreTake(g_nvm_shadow_lock, portMAX_DELAY);
            Dflash_WriteBlock(LOG_AREA, Log_Buffer(), Log_PendingBytes());   /* 2..6 ms */
            (void)xSemaphoreGive(g_nvm_shadow_lock);
        }
        vTaskDelay(pdMS_TO_TICKS(100));
    }
}
'''), ('src/com/com_task.c', r'''
/* com_task.c - priority 4, period 10 ms, runtime 1.5..3 ms under bus load */
void Com_Main_10ms(void *arg)
{
    TickType_t last = xTaskGetTickCount();
    for (;;) {
        Com_ProcessRx();
        Com_ProcessTx();
        vTaskDelayUntil(&last, pdMS_TO_TICKS(10));
    }
}
'''), ('trace/brk_deadline_miss.txt', '''
time_us    task               event
1200300    Log_Writer_100ms   running
1200310    Log_Writer_100ms   take g_nvm_shadow_lock -> OK
1200900    Brk_Ctrl_5ms       ready (tick)
1200901    Brk_Ctrl_5ms       running (preempts Log_Writer_100ms)
1201350    Brk_Ctrl_5ms       take g_nvm_shadow_lock -> BLOCKED
1201351    Log_Writer_100ms   running
1201800    Com_Main_10ms      ready (tick)
1201801    Com_Main_10ms      running (preempts Log_Writer_100ms)
1204620    Com_Main_10ms      delay until
1204621    Log_Writer_100ms   running
1205980    Log_Writer_100ms   give g_nvm_shadow_lock
1205981    Brk_Ctrl_5ms       running
1206390    Brk_Ctrl_5ms       delay until      response=5490us  DEADLINE MISS (REQ-BRK-140)
''')],
  lang='c')

# why: security-scan type, but the ask is a literal comparison of a 12-line header against a
# 3-item checklist the user supplies; no code analysis or threat reasoning -> simple
t('simple', 'security-scan',
  'Release checklist item REQ-SEC-010 says: debug UART off, XCP off, JTAG locked at boot in every '
  'RELEASE variant. Check this build config header against those three points.',
  files=[('cfg/build_cfg_release.h', '''
/* build_cfg_release.h - generated by variant tool 2.4, variant BRK_EU_RELEASE */
#ifndef BUILD_CFG_RELEASE_H
#define BUILD_CFG_RELEASE_H

#define CFG_BUILD_VARIANT          CFG_VARIANT_RELEASE
#define CFG_DEBUG_UART_ENABLE      (0U)
#define CFG_XCP_ENABLE             (1U)
#define CFG_XCP_SEED_KEY           (1U)
#define CFG_JTAG_LOCK_ON_BOOT      (0U)
#define CFG_ASSERT_HALT            (0U)
#define CFG_TRACE_BUFFER_KB        (0U)

#endif
''')],
  lang='c')

t('medium', 'flaky-test-analysis',
  'TC_BCM_0440 (REQ-BCM-044, wiper park response) fails on the HIL about 1 run in 6. The BCM answers '
  'the park request in its 100 ms cyclic status frame 0x2A8. Log of a pass and a fail plus the test step '
  'attached; tell me whether this is the ECU or the test, and what to change.',
  files=[('hil/tests/test_bcm_wiper.py', '''
import pytest
from rig import can, timing

REQ = "REQ-BCM-044"   # BCM shall report WiperParked=1 within 200 ms of WiperParkReq

@pytest.mark.req(REQ)
def test_wiper_park_response(rig):
    rig.set_wiper_position(mid_sweep=True)
    can.send(0x1C4, bytes([0x01, 0, 0, 0]))          # WiperParkReq = 1
    t0 = timing.now_ms()
    msg = can.wait_for(0x2A8, lambda m: m.data[3] & 0x04, timeout_ms=150)
    assert msg is not None, f"{REQ}: no WiperParked within 150 ms"
    assert timing.now_ms() - t0 <= 200
'''), ('hil/logs/tc_bcm_0440_runs.log', '''
run 11  PASS  t_req=  10.004s  0x2A8 @ 10.071s WiperParked=0  0x2A8 @ 10.171s WiperParked=1  latency=167ms
run 12  PASS  t_req=  20.058s  0x2A8 @ 20.087s WiperParked=1  latency=29ms
run 13  FAIL  t_req=  30.031s  0x2A8 @ 30.084s WiperParked=0  0x2A8 @ 30.184s (timeout at 30.181s)
run 14  PASS  t_req=  40.012s  0x2A8 @ 40.119s WiperParked=1  latency=107ms
run 15  FAIL  t_req=  50.016s  0x2A8 @ 50.072s WiperParked=0  0x2A8 @ 50.172s (timeout at 50.166s)
run 16  PASS  t_req=  60.031s  0x2A8 @ 60.151s WiperParked=1  latency=120ms
run 17  FAIL  t_req=  70.002s  0x2A8 @ 70.067s WiperParked=0  0x2A8 @ 70.167s (timeout at 70.152s)
note: BCM park detection debounce = 50 ms (CAL_WIP_PARK_DEB), status frame cycle 100 ms
''')],
  lang='python', fw='pytest')

# why: described as a glitch, but it is a 32-bit counter updated in an ISR and read non-atomically
# by a task on a 16-bit MCU (torn read); needs concurrency reasoning -> complex
t('complex', 'flaky-test-analysis',
  'HIL test TC_ESC_0412 (REQ-ESC-207, wheel speed plausibility) fails maybe once a day. When it fails, '
  'the wheel pulse count for one sample is exactly 65536 higher than the samples either side, then it is '
  'fine again. Nobody touched this code in months. Code and the failing excerpt attached.',
  files=[('src/esc/whl_pulse.c', r'''
/* whl_pulse.c - wheel speed pulse capture, RL78/F14 (16-bit core) */
#include <stdint.h>
#include "whl_pulse.h"

static uint32_t s_pulse_fl = 0U;
static uint32_t s_pulse_fr = 0U;

#pragma interrupt r_tau0_ch1_interrupt(vect=INTTM01)
static void r_tau0_ch1_interrupt(void)       /* front-left sensor edge */
{
    s_pulse_fl++;
}

#pragma interrupt r_tau0_ch2_interrupt(vect=INTTM02)
static void r_tau0_ch2_interrupt(void)       /* front-right sensor edge */
{
    s_pulse_fr++;
}

void Whl_Sample_5ms(WhlSample *out)          /* called from the 5 ms task */
{
    out->fl = s_pulse_fl;
    out->fr = s_pulse_fr;
    out->t_ms = Os_GetTimeMs();
}
'''), ('hil/tc_esc_0412_fail.log', '''
[2026-11-19 03:12:44.105] TC_ESC_0412 step 7: constant 80 km/h, checking pulse delta per 5 ms
[2026-11-19 03:12:44.110] sample n=18211 fl=  458111 fr=  458109 dfl=11 dfr=11
[2026-11-19 03:12:44.115] sample n=18212 fl=  458122 fr=  458120 dfl=11 dfr=11
[2026-11-19 03:12:44.120] sample n=18213 fl=  524287 fr=  458131 dfl=66165 dfr=11
[2026-11-19 03:12:44.120] CHECK FAIL REQ-ESC-207: |dfl - dfr| = 66154 > 3
[2026-11-19 03:12:44.125] sample n=18214 fl=  458144 fr=  458142 dfl=-66143 dfr=11
[2026-11-19 03:12:44.130] sample n=18215 fl=  458155 fr=  458153 dfl=11 dfr=11
[2026-11-19 03:12:44.131] TC_ESC_0412 VERDICT: FAIL (1 of 4000 samples)
''')],
  lang='c', fw='pytest')

t('medium', 'test-generation',
  'Write CMock-based unit tests for the CAN interface layer. HAL and OS tick must be mocked. '
  'Requirements REQ-CAN-020 to REQ-CAN-027, especially the bus-off recovery timing (fast 100 ms x5, then '
  'slow 1 s) in REQ-CAN-025.',
  files=[('src/can/can_if.c', r'''
/* can_if.c - CAN interface over the vendor HAL (REQ-CAN-020..027) */
#include <stddef.h>
#include "can_if.h"
#include "hal_can.h"
#include "os_tick.h"
#include "dem.h"

#define CANIF_TX_MAILBOXES        (3U)
#define CANIF_BUSOFF_FAST_MS      (100U)
#define CANIF_BUSOFF_SLOW_MS      (1000U)
#define CANIF_BUSOFF_MAX_FAST     (5U)

static CanIf_StateType s_state = CANIF_STOPPED;
static uint8_t  s_busoff_count = 0U;
static uint32_t s_busoff_t0 = 0U;
static CanIf_TxConfFn s_txconf = NULL;

Std_ReturnType CanIf_Init(CanIf_TxConfFn txconf)
{
    if (txconf == NULL) {
        return E_NOT_OK;
    }
    if (HAL_CAN_Init(HAL_CAN_BITRATE_500K) != HAL_OK) {
        return E_NOT_OK;                              /* REQ-CAN-020 */
    }
    s_txconf = txconf;
    s_busoff_count = 0U;
    s_state = CANIF_STARTED;
    return E_OK;
}

Std_ReturnType CanIf_Transmit(uint32_t id, const uint8_t *data, uint8_t dlc)
{
    uint8_t mb;

    if ((s_state != CANIF_STARTED) || (data == NULL) || (dlc > 8U)) {
        return E_NOT_OK;                              /* REQ-CAN-021 */
    }
    if (((id & CANIF_ID_EXT_FLAG) == 0U) && (id > 0x7FFU)) {
        return E_NOT_OK;
    }
    for (mb = 0U; mb < CANIF_TX_MAILBOXES; mb++) {
        if (HAL_CAN_MailboxFree(mb)) {
            return (HAL_CAN_Write(mb, id, data, dlc) == HAL_OK) ? E_OK : E_NOT_OK;
        }
    }
    return CANIF_E_BUSY;                              /* REQ-CAN-022: caller retries next cycle */
}

void CanIf_TxConfirmation(uint8_t mb, uint32_t id)    /* HAL callback */
{
    if ((s_txconf != NULL) && (mb < CANIF_TX_MAILBOXES)) {
        s_txconf(id);                                 /* REQ-CAN-023 */
    }
}

void CanIf_MainFunction(void)                         /* 10 ms */
{
    uint32_t now = OsTick_GetMs();
    uint32_t wait;

    switch (s_state) {
    case CANIF_STARTED:
        if (HAL_CAN_IsBusOff()) {
            s_state = CANIF_BUSOFF;
            s_busoff_t0 = now;
            if (s_busoff_count < 255U) {
                s_busoff_count++;
            }
            Dem_ReportErrorStatus(DEM_E_CAN_BUSOFF, DEM_EVENT_STATUS_PREFAILED);  /* REQ-CAN-024 */
        } else if (s_busoff_count != 0U) {
            s_busoff_count = 0U;                      /* REQ-CAN-026: bus stable again */
            Dem_ReportErrorStatus(DEM_E_CAN_BUSOFF, DEM_EVENT_STATUS_PASSED);
        } else {
            /* nothing to do */
        }
        break;
    case CANIF_BUSOFF:
        wait = (s_busoff_count <= CANIF_BUSOFF_MAX_FAST) ? CANIF_BUSOFF_FAST_MS : CANIF_BUSOFF_SLOW_MS;
        if ((uint32_t)(now - s_busoff_t0) >= wait) {  /* REQ-CAN-025 */
            if (HAL_CAN_Restart() == HAL_OK) {
                s_state = CANIF_STARTED;
            } else {
                s_busoff_t0 = now;                    /* REQ-CAN-027: retry after full wait */
            }
        }
        break;
    default:
        break;
    }
}
''')],
  reqs=['include a test for OsTick wrap-around during bus-off wait', 'Unity + CMock via Ceedling'],
  lang='c', fw='ceedling')

t('complex', 'defect-analysis',
  'Vehicle speed shown on the cluster and used by the EPB (REQ-EPB-410: no auto-apply above 3 km/h) '
  'occasionally jumps to a wrong value for one 10 ms cycle, e.g. 12.8 km/h reads as 15.35 km/h, and once 5.1 km/h read as 2.56 km/h. '
  'The trace on the bus is clean. Whole receive path from the CAN driver to the application is attached, '
  'plus the HIL capture. Where is it going wrong?',
  files=[('src/can/can_drv_isr.c', r'''
/* can_drv_isr.c - MCAN RX FIFO0 interrupt, priority above all OS tasks */
void MCAN0_IntLine0_IRQHandler(void)
{
    Mcan_RxElem e;
    while (Mcan_Fifo0Get(&e) == MCAN_OK) {
        CanIf_RxIndication(e.id, e.data, e.dlc);
    }
    Mcan_ClearIrq(MCAN_IR_RF0N);
}
'''), ('src/can/canif_rx.c', r'''
/* canif_rx.c - hardware object -> PDU id lookup */
void CanIf_RxIndication(uint32_t id, const uint8_t *data, uint8_t dlc)
{
    PduIdType pdu;
    if (CanIf_LookupRx(id, &pdu) == E_OK) {
        PduR_CanIfRxIndication(pdu, data, dlc);
    }
}
'''), ('src/com/pdur.c', r'''
/* pdur.c - routes CanIf PDUs to Com (no buffering, direct call) */
void PduR_CanIfRxIndication(PduIdType pdu, const uint8_t *data, uint8_t dlc)
{
    Com_RxIndication(PduR_ToComId(pdu), data, dlc);
}
'''), ('src/com/com_rx.c', r'''
/* com_rx.c - immediate processing: copy PDU into the I-PDU buffer on reception */
#include <string.h>
#include "com_cfg.h"

static uint8_t s_ipdu_buf[COM_N_RX_IPDU][8];

void Com_RxIndication(PduIdType id, const uint8_t *data, uint8_t dlc)
{
    (void)memcpy(s_ipdu_buf[id], data, dlc);        /* runs in ISR context */
    Com_RxTimeoutReset(id);
}

Std_ReturnType Com_ReceiveSignal(Com_SignalIdType sig, void *out)
{
    const Com_SignalCfg *c = &k_com_sig_cfg[sig];
    const uint8_t *b = s_ipdu_buf[c->ipdu];
    uint16_t raw;

    if (c->byteOrder == COM_BIG_ENDIAN) {
        raw = (uint16_t)(((uint16_t)b[c->startByte] << 8) | b[c->startByte + 1U]);
    } else {
        raw = (uint16_t)(((uint16_t)b[c->startByte + 1U] << 8) | b[c->startByte]);
    }
    *(uint16_t *)out = raw;
    return E_OK;
}
'''), ('src/com/com_cfg.c', r'''
/* com_cfg.c - generated */
const Com_SignalCfg k_com_sig_cfg[] = {
    /* name              ipdu                 startByte  byteOrder       factor  */
    { /* VehSpeed */     COM_IPDU_GW_VEHSPD,  2U,        COM_BIG_ENDIAN,  0.01f },
    { /* VehSpeedQual */ COM_IPDU_GW_VEHSPD,  4U,        COM_BIG_ENDIAN,  1.0f  },
    { /* WheelSpdFL */   COM_IPDU_ESC_WHL,    0U,        COM_BIG_ENDIAN,  0.01f },
};
'''), ('src/app/veh_speed.c', r'''
/* veh_speed.c - Vsm_Main_10ms task, priority 12 */
void Vsm_Main_10ms(void)
{
    uint16_t raw;
    uint16_t qual;

    (void)Com_ReceiveSignal(COM_SIG_VEHSPEED, &raw);
    (void)Com_ReceiveSignal(COM_SIG_VEHSPEED_QUAL, &qual);
    if (qual == VSM_QUAL_VALID) {
        Vsm_SetSpeedKph_x100(raw);                  /* used by EPB auto-apply and cluster */
    }
}
'''), ('hil/vsm_glitch_capture.txt', '''
bus (0x1A0 GW_VehicleSpeed, 20 ms, bytes 2..3 = speed x100, big endian)
  t=12.340  04 B0    (12.00 km/h)
  t=12.360  04 B5    (12.05 km/h)
  t=12.380  05 02    (12.82 km/h)
  t=12.400  04 FF    (12.79 km/h)
application (Vsm_SetSpeedKph_x100 arg, every 10 ms)
  t=12.350  1200
  t=12.360  1200
  t=12.370  1205
  t=12.380  1205
  t=12.390  1282
  t=12.400  1282
  t=12.410  1535   <-- 0x05FF = 15.35 km/h: high byte of new frame, low byte of old
  t=12.420  1279
earlier capture: bus 01 FF -> 02 00 (5.11 -> 5.12 km/h), application saw 256 (2.56 km/h) for one cycle
''')],
  lang='c')

# why: test-execution ask, but judging exactly-once application under retries across master and
# slaves (idempotency, sequence-register differences per firmware) -> complex
t('complex', 'test-execution',
  'Run the soak test for the Modbus RTU master on the filling line (tests/soak_master, 4 h, three dosing '
  'pump slaves, the rig drops 2 % of responses and corrupts 0.5 %). Afterwards I need to know whether '
  'any dosing setpoint write was applied twice or applied after the master had already reported it as '
  'failed. REQ-FL-220: a setpoint change is applied exactly once; REQ-FL-221: the master\'s reported '
  'result matches what the slave did. Master code, test config and slave-side audit log format attached.',
  files=[('src/mbm/mbm_write.c', r'''
/* mbm_write.c - Modbus RTU master, FC 0x10 write with retry, REQ-FL-220/221 */
#include <stdint.h>
#include "mbm.h"

#define MBM_RETRIES        (3U)
#define MBM_RSP_TIMEOUT_MS (50U)

Mbm_Result Mbm_WriteSetpoint(uint8_t slave, uint16_t reg, uint16_t value)
{
    uint8_t  attempt;
    Mbm_Result r = MBM_TIMEOUT;
    uint16_t regs[2];

    regs[0] = value;
    regs[1] = (uint16_t)(Mbm_NextSeq(slave));       /* sequence register, slave ignores if 0 */
    for (attempt = 0U; attempt < MBM_RETRIES; attempt++) {
        Mbm_SendWriteMulti(slave, reg, 2U, regs);
        r = Mbm_WaitResponse(slave, 0x10U, MBM_RSP_TIMEOUT_MS);
        if (r == MBM_OK) {
            break;
        }
        if (r == MBM_EXCEPTION) {
            break;                                  /* slave rejected: do not retry */
        }
        regs[1] = (uint16_t)(Mbm_NextSeq(slave));   /* new sequence per attempt */
    }
    Mbm_Report(slave, reg, value, r);
    return r;
}
'''), ('tests/soak_master/soak.yaml', '''
duration_h: 4
bus: {port: rig1_rs485, baud: 115200, parity: even}
slaves:
  - {addr: 11, type: dosing_pump, fw: DP-2.3.1, seq_register: 0x0101, t_apply_ms: 5..60}
  - {addr: 12, type: dosing_pump, fw: DP-2.3.1, seq_register: 0x0101, t_apply_ms: 5..60}
  - {addr: 13, type: dosing_pump, fw: DP-2.2.0, seq_register: none,   t_apply_ms: 5..60}
fault_injection: {drop_response_pct: 2.0, corrupt_response_pct: 0.5, corrupt_request_pct: 0.0}
setpoint_changes_per_min: 30
'''), ('docs/slave_audit_log_format.md', '''
Each dosing pump writes one audit line per applied setpoint:
  <slave_ms> APPLY reg=<reg> value=<value> seq=<seq> prev=<old value>
and one line per rejected write:
  <slave_ms> REJECT reg=<reg> seq=<seq> reason=<DUP_SEQ|RANGE|LOCKED>
DP-2.3.x rejects a write whose seq equals the last applied seq (DUP_SEQ). DP-2.2.0 has no seq check.
The master logs: <master_ms> REPORT slave=<addr> reg=<reg> value=<value> result=<OK|TIMEOUT|CRC|EXC>
''')],
  reqs=['correlate master REPORT lines with slave APPLY/REJECT lines per setpoint change',
        'explain any double-apply with the exact retry interleaving that caused it'],
  lang='c', fw='pytest')

# why: 14-line function, but REQ-BRK-112/113 leave start-up, tolerance boundary and the
# "lower reading" fallback open to interpretation; hidden static state; tests must flag the ambiguity -> medium
t('medium', 'test-generation',
  'Unit tests for the brake pedal sensor plausibility check, please, against REQ-BRK-112 and REQ-BRK-113. '
  'It is short but it is ASIL-B, so I want the tests to pin down the requirement, not just the code.',
  files=[('src/brk/bps_plaus.c', r'''
/* bps_plaus.c - brake pedal travel sensor plausibility
 * REQ-BRK-112: the two pedal travel sensors shall be considered plausible when they agree
 *              within 4 % of full travel for at least 3 consecutive 10 ms samples.
 * REQ-BRK-113: on loss of plausibility the function shall report BPS_DEGRADED and provide
 *              the lower of the two readings as pedal travel. */
#include <stdint.h>
#include "bps_plaus.h"

#define BPS_FULL_TRAVEL   (1000U)                       /* 0.1 mm units */
#define BPS_TOL_COUNTS    ((BPS_FULL_TRAVEL * 4U) / 100U)
#define BPS_CONFIRM_N     (3U)

BpsStatus Bps_CheckPlausibility(uint16_t s1, uint16_t s2, uint16_t *travel_out)
{
    static uint8_t agree_count = 0U;
    uint16_t diff = (s1 > s2) ? (uint16_t)(s1 - s2) : (uint16_t)(s2 - s1);

    if (diff <= BPS_TOL_COUNTS) {
        if (agree_count < BPS_CONFIRM_N) {
            agree_count++;
        }
    } else {
        agree_count = 0U;
    }
    if (agree_count >= BPS_CONFIRM_N) {
        *travel_out = (uint16_t)(((uint32_t)s1 + (uint32_t)s2) / 2U);
        return BPS_OK;
    }
    *travel_out = (s1 < s2) ? s1 : s2;
    return BPS_DEGRADED;
}
''')],
  reqs=['call out every place where the requirement text and the code could disagree',
        'tests must not depend on execution order'],
  lang='c', fw='unity')

t('simple', 'performance-testing',
  'Measured execution times from the timing bench vs the budgets in the SW architecture (REQ-SYS-013). '
  'Which runnables are over budget and by how much?',
  files=[('reports/runnable_timing_bench.txt', '''
runnable                  budget_us   max_meas_us   mean_us   samples
Brk_ReadInputs                  120           104        88     50000
Brk_Compute                     900           947       611     50000
Brk_WriteOutputs                 80            61        55     50000
Abs_SlipEstimate                450           438       302     50000
Abs_ValveLogic                  300           322       210     50000
Com_E2E_CheckAll                200           151       120     25000
Dem_ProcessEvents               250           249       140     25000
Wdg_CheckAlive                   40            22        19    100000
''')],
  lang=None)

t('medium', 'test-generation',
  'GoogleTest + gMock tests for our Modbus TCP client class used by the line controller to read drive '
  'status (REQ-LC-120 to REQ-LC-126). The socket is behind ITransport so mock that. I care about '
  'transaction id mismatch, short reads, exception responses and the timeout path.',
  files=[('src/mbtcp/mb_client.hpp', r'''
// mb_client.hpp - Modbus TCP client (FC 0x03 only), REQ-LC-120..126
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>
#include "transport.hpp"

namespace lc {

enum class MbError { None, Timeout, ShortFrame, BadTid, BadUnit, Exception, BadLength };

struct MbResult {
    MbError err{MbError::None};
    std::uint8_t exc{0};
    std::vector<std::uint16_t> regs;
};

class MbClient {
public:
    MbClient(ITransport& t, std::uint8_t unit, std::chrono::milliseconds timeout)
        : t_(t), unit_(unit), timeout_(timeout) {}

    MbResult ReadHolding(std::uint16_t start, std::uint16_t qty);

private:
    ITransport& t_;
    std::uint8_t unit_;
    std::chrono::milliseconds timeout_;
    std::uint16_t tid_{0};
};

}  // namespace lc
'''), ('src/mbtcp/mb_client.cpp', r'''
// mb_client.cpp
#include "mb_client.hpp"

namespace lc {

MbResult MbClient::ReadHolding(std::uint16_t start, std::uint16_t qty)
{
    MbResult res;
    if (qty == 0U || qty > 125U) {                       // REQ-LC-121
        res.err = MbError::BadLength;
        return res;
    }
    const std::uint16_t tid = ++tid_;
    std::array<std::uint8_t, 12> req{
        static_cast<std::uint8_t>(tid >> 8), static_cast<std::uint8_t>(tid), 0, 0, 0, 6, unit_, 0x03,
        static_cast<std::uint8_t>(start >> 8), static_cast<std::uint8_t>(start),
        static_cast<std::uint8_t>(qty >> 8), static_cast<std::uint8_t>(qty)};
    t_.Send(req.data(), req.size());

    std::array<std::uint8_t, 260> rsp{};
    const auto n = t_.Receive(rsp.data(), rsp.size(), timeout_);   // returns bytes, 0 on timeout
    if (n == 0U) {
        res.err = MbError::Timeout;                      // REQ-LC-122
        return res;
    }
    if (n < 9U) {
        res.err = MbError::ShortFrame;                   // REQ-LC-123
        return res;
    }
    const std::uint16_t rtid = static_cast<std::uint16_t>((rsp[0] << 8) | rsp[1]);
    if (rtid != tid) {
        res.err = MbError::BadTid;                       // REQ-LC-124: stale answer from previous request
        return res;
    }
    if (rsp[6] != unit_) {
        res.err = MbError::BadUnit;
        return res;
    }
    if ((rsp[7] & 0x80U) != 0U) {
        res.err = MbError::Exception;                    // REQ-LC-125
        res.exc = rsp[8];
        return res;
    }
    const std::size_t bytes = rsp[8];
    if (bytes != qty * 2U || n != 9U + bytes) {
        res.err = MbError::BadLength;                    // REQ-LC-126
        return res;
    }
    for (std::size_t i = 0; i < qty; ++i) {
        res.regs.push_back(static_cast<std::uint16_t>((rsp[9 + 2 * i] << 8) | rsp[10 + 2 * i]));
    }
    return res;
}

}  // namespace lc
'''), ('src/mbtcp/transport.hpp', r'''
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace lc {
class ITransport {
public:
    virtual ~ITransport() = default;
    virtual void Send(const std::uint8_t* data, std::size_t len) = 0;
    virtual std::size_t Receive(std::uint8_t* buf, std::size_t cap, std::chrono::milliseconds timeout) = 0;
};
}  // namespace lc
''')],
  lang='cpp', fw='googletest')

# why: static-analysis triage in one ~100-line module; inputs come from internal DID tables and
# calibration, not an external attacker, so no auth/crypto/injection depth -> medium
t('medium', 'security-scan',
  'Our static analyser flags 9 things in the diagnostic log formatter (REQ-DIAG-090..093). Half the team '
  'says they are false positives. Go through the code and tell me which findings are real memory-safety '
  'bugs, which are noise, and the minimal MISRA-compliant fix for the real ones.',
  files=[('src/log/log_fmt.c', r'''
/* log_fmt.c - formats diagnostic records into the 64-byte DFLASH log slot */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "log_fmt.h"
#include "cal_text.h"

#define LOG_SLOT_LEN   (64U)
#define LOG_TAG_LEN    (8U)

static char s_slot[LOG_SLOT_LEN];

static const char *log_level_str(uint8_t lvl)
{
    static const char *const k_lvl[] = { "DBG", "INF", "WRN", "ERR" };
    return k_lvl[lvl];                                        /* finding F1 */
}

uint16_t Log_FormatDtc(const Log_DtcRec *r)
{
    int n;
    char tag[LOG_TAG_LEN];

    (void)strcpy(tag, Cal_GetEcuTag());                       /* finding F2, tag from calibration */
    n = sprintf(s_slot, "%s %s DTC=%06lX st=%02X t=%lu",      /* finding F3 */
                tag, log_level_str(r->level),
                (unsigned long)r->dtc, r->status, (unsigned long)r->ts_ms);
    return (uint16_t)n;
}

uint16_t Log_FormatText(uint8_t lvl, const char *msg)
{
    size_t len = strlen(msg);                                  /* finding F4: msg may be NULL */
    size_t pos;

    if (lvl > 3U) {
        lvl = 3U;
    }
    (void)strncpy(s_slot, log_level_str(lvl), 4U);            /* finding F5 */
    s_slot[3] = ' ';
    pos = 4U;
    if (len > (LOG_SLOT_LEN - pos)) {
        len = LOG_SLOT_LEN - pos;
    }
    (void)memcpy(&s_slot[pos], msg, len);                     /* finding F6 */
    s_slot[pos + len] = '\0';                                 /* finding F7 */
    return (uint16_t)(pos + len);
}

uint16_t Log_FormatHex(const uint8_t *data, uint8_t len)
{
    uint8_t i;
    uint16_t pos = 0U;

    for (i = 0U; i < len; i++) {
        if ((pos + 3U) >= LOG_SLOT_LEN) {
            break;
        }
        (void)sprintf(&s_slot[pos], "%02X ", data[i]);        /* finding F8 */
        pos += 3U;
    }
    s_slot[pos] = '\0';
    return pos;
}

void Log_Printf(const char *fmt_from_did)
{
    (void)snprintf(s_slot, LOG_SLOT_LEN, fmt_from_did);       /* finding F9 */
}
''')],
  reqs=['answer per finding F1..F9: real / false positive / depends, with the reason',
        'note which callers would have to be checked to settle the "depends" ones'],
  lang='c')

# why: 30-line findings list, but the ask is counting per CWE and listing files for two CWEs;
# no judgement on whether findings are real -> mechanical, simple
t('simple', 'security-scan',
  'Static analysis export for the diagnostic stack below. For the cybersecurity work product '
  '(REQ-CS-007) I need a count of findings per CWE, and the files that have CWE-120 or CWE-787 hits. '
  'No triage needed yet.',
  files=[('reports/sa_dcm_findings.txt', lines(30, _sa_row))],
  lang='c')

# why: benchmark design for a single ISR (instrumentation, worst-case stimulus, sample size),
# not whole-system performance -> medium
t('medium', 'performance-testing',
  'Design the execution-time measurement for our CAN RX interrupt on the S32K144 so we can show '
  'REQ-CAN-031 (ISR worst case <= 8 us at 80 MHz) in the timing report. I want to know how to '
  'instrument it (DWT cycle counter and/or GPIO toggle), which stimulus on the bus gives the worst case, '
  'and how many samples are enough.',
  files=[('src/can/can_rx_isr.c', r'''
/* can_rx_isr.c - FlexCAN0 message buffer interrupt (MB 4..15 = RX), REQ-CAN-030..032 */
#include <stdint.h>
#include "S32K144.h"
#include "can_rx_isr.h"
#include "canif_rx.h"

#define RX_MB_FIRST   (4U)
#define RX_MB_LAST    (15U)

void CAN0_ORed_0_15_MB_IRQHandler(void)
{
    uint32_t flags = CAN0->IFLAG1 & CAN0->IMASK1;
    uint32_t mb;

    for (mb = RX_MB_FIRST; mb <= RX_MB_LAST; mb++) {
        if ((flags & (1UL << mb)) != 0U) {
            volatile uint32_t *m = &CAN0->RAMn[mb * 4U];
            uint32_t cs = m[0];                           /* locks the MB */
            uint32_t id = (cs & CAN_WMBn_CS_IDE_MASK) ? (m[1] & 0x1FFFFFFFUL)
                                                       : ((m[1] >> 18) & 0x7FFUL);
            uint8_t dlc = (uint8_t)((cs >> 16) & 0x0FUL);
            uint8_t data[8];
            uint32_t w0 = m[2];
            uint32_t w1 = m[3];
            data[0] = (uint8_t)(w0 >> 24); data[1] = (uint8_t)(w0 >> 16);
            data[2] = (uint8_t)(w0 >> 8);  data[3] = (uint8_t)w0;
            data[4] = (uint8_t)(w1 >> 24); data[5] = (uint8_t)(w1 >> 16);
            data[6] = (uint8_t)(w1 >> 8);  data[7] = (uint8_t)w1;
            (void)CAN0->TIMER;                            /* unlock */
            CAN0->IFLAG1 = (1UL << mb);                   /* w1c */
            CanIf_RxIndication(id, data, dlc);            /* table lookup, 12 entries, + copy */
        }
    }
}
''')],
  reqs=['code runs from flash with the LMEM cache on; say how that affects the measurement',
        'cover the case of all 12 RX buffers pending at once'],
  lang='c')

# why: long CSV, but the checks depend on ISO 26262-6 ASIL-dependent method requirements
# (interface tests for C/D, fault injection for D) and on FAIL vs missing evidence: several
# criteria with judgement, not a plain join -> medium
t('medium', 'quality-gate',
  'Trace matrix export for the EPB software requirements. Gate rule for the SW integration milestone: '
  'every REQ with ASIL B or higher needs a passing requirements-based test; ASIL C and D also need an '
  'interface test; ASIL D also needs a fault injection test; QM needs a review record only. List the '
  'requirements that block the milestone and why.',
  files=[('trace/epb_trace_matrix.csv',
          'requirement,asil,req_based_test,interface_test,fault_injection_test,review,req_based_verdict\n'
          + lines(45, _trace_row))],
  lang=None)

# why: a single flaky test, but the cause spans NM / partial-networking start-up timing of three
# nodes and the rig power sequence -> distributed protocol, complex
t('complex', 'flaky-test-analysis',
  'Network integration test TC_NET_0210 (REQ-NET-040: all chassis ECUs reach NM Normal and exchange '
  'application frames within 300 ms of KL15 on) passes or fails depending on the day. Three ECUs on the '
  'HIL (GW, ESC, EPS) plus the rig power sequencer. I have logs from one pass and two fails and the NM '
  'config of each node. Why does it flake, and is it the test or the network design?',
  files=[('hil/rig_power_seq.py', '''
# rig power sequencer: KL15 relays switched one after another, 5 ms apart, order from rack wiring list
KL15_ORDER = ["GW", "EPS", "ESC"]          # run 1 (pass) and run 3 (fail)
# KL15_ORDER = ["ESC", "EPS", "GW"]        # used on rack B (run 2, fail)
RELAY_BOUNCE_MS = (0, 12)                   # measured contact bounce range
'''), ('cfg/nm_gw.arxml.txt', '''
CanNmNode GW_Chassis: nodeId=0x10 msgCycle=100ms repeatMessageTime=1500ms immediateNmTx=5 immediateCycle=20ms
  passiveMode=false  pnEnabled=true  pnFilterMask=0x01  comControlEnabled=true
'''), ('cfg/nm_esc.arxml.txt', '''
CanNmNode ESC_Chassis: nodeId=0x0A msgCycle=100ms repeatMessageTime=1500ms immediateNmTx=0
  passiveMode=false  pnEnabled=true  pnFilterMask=0x01  startupTxDelay=50ms (ComM waits for NM before PDU group start)
'''), ('cfg/nm_eps.arxml.txt', '''
CanNmNode EPS_Chassis: nodeId=0x0B msgCycle=100ms repeatMessageTime=1500ms immediateNmTx=3 immediateCycle=20ms
  passiveMode=false  pnEnabled=false  rxPduGroupStart=on first NM rx  txPduGroupStart=on own NM tx
'''), ('hil/logs/tc_net_0210_run1_pass.log', '''
  0.0 KL15 GW on
  5.3 KL15 EPS on
 10.1 KL15 ESC on
 48.2 GW NM tx (PN=0x01) immediate #1
 61.0 EPS NM tx immediate #1
 68.3 GW NM tx immediate #2
 88.4 GW NM tx immediate #3
 96.7 ESC boot done, NM rx seen (GW PN=0x01) -> start tx after startupTxDelay
146.9 ESC NM tx #1, ESC app frames start
190.2 all nodes NORMAL, app frames from GW, ESC, EPS -> PASS (190 ms)
'''), ('hil/logs/tc_net_0210_run2_fail.log', '''
  0.0 KL15 ESC on
  5.1 KL15 EPS on
 10.4 KL15 GW on
 70.5 EPS NM tx immediate #1 (no PN info)
 92.8 ESC boot done, NM rx seen (EPS, no PN bit) -> PN filter no match, stay in BusSleep
 90.6 EPS NM tx immediate #2
110.7 EPS NM tx immediate #3
158.2 GW NM tx (PN=0x01) immediate #1
158.9 ESC wake by PN match -> start tx after startupTxDelay
209.0 ESC NM tx #1
(ESC app frames start only after ComM full com request from BswM: 120 ms after NM Normal)
329.3 ESC first app frame -> FAIL (329 ms > 300 ms)
'''), ('hil/logs/tc_net_0210_run3_fail.log', '''
  0.0 KL15 GW on
 16.9 KL15 EPS on (relay bounce 11.6 ms)
 21.7 KL15 ESC on
 48.0 GW NM tx (PN=0x01) immediate #1
 68.1 GW NM tx immediate #2
 76.1 EPS NM tx immediate #1
 88.2 GW NM tx immediate #3
108.9 ESC boot done, no NM rx since boot (GW immediate burst over), waits for next GW cyclic NM
148.2 GW NM tx cyclic (PN=0x01)
148.6 ESC NM rx PN match -> start tx after startupTxDelay
198.8 ESC NM tx #1
318.8 ESC first app frame -> FAIL (318 ms > 300 ms)
''')],
  lang='python', fw='pytest')

# why: security-scan of build flags, linker script and MPU setup against a given checklist;
# no auth/crypto/injection code to reason about -> medium
t('medium', 'security-scan',
  'Check our release build setup for the body controller (Cortex-M33, TrustZone not used yet) against '
  'the hardening requirements REQ-SEC-031 to REQ-SEC-036 listed in the README section below. Toolchain '
  'file, linker script and MPU setup attached.',
  files=[('docs/hardening_reqs.md', '''
REQ-SEC-031  Release builds compile with -fstack-protector-strong and a random canary seeded at boot.
REQ-SEC-032  -Wformat -Wformat-security -Werror=format-security enabled.
REQ-SEC-033  No debug symbols or assert strings in the flashed release image.
REQ-SEC-034  Stack and RAM regions are execute-never (MPU XN).
REQ-SEC-035  Flash (code) region is read-only for unprivileged and privileged writes at runtime.
REQ-SEC-036  Stack overflow is detected by an MPU guard region below each task stack.
'''), ('cmake/arm-none-eabi-release.cmake', '''
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR cortex-m33)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CPU_FLAGS "-mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard")
set(CMAKE_C_FLAGS_RELEASE "${CPU_FLAGS} -Os -g3 -ffunction-sections -fdata-sections -Wall -Wextra -Wformat -fstack-protector")
set(CMAKE_EXE_LINKER_FLAGS_RELEASE "-Wl,--gc-sections -Wl,-Map=bcm.map -specs=nano.specs")
add_compile_definitions(NDEBUG_DISABLED BCM_ASSERT_VERBOSE=1)
'''), ('ld/bcm_m33.ld', '''
MEMORY
{
  FLASH (rx)  : ORIGIN = 0x08000000, LENGTH = 1024K
  RAM   (rwx) : ORIGIN = 0x20000000, LENGTH = 256K
}
_estack = ORIGIN(RAM) + LENGTH(RAM);
SECTIONS
{
  .isr_vector : { KEEP(*(.isr_vector)) } > FLASH
  .text       : { *(.text*) *(.rodata*) } > FLASH
  .data       : { *(.data*) } > RAM AT > FLASH
  .bss        : { *(.bss*) *(COMMON) } > RAM
  .ramfunc    : { *(.ramfunc*) } > RAM AT > FLASH
  ._user_heap_stack : { . = ALIGN(8); . = . + 0x400; . = . + 0x2000; } > RAM
}
'''), ('src/sys/mpu_cfg.c', r'''
/* mpu_cfg.c - ARMv8-M MPU setup, called before the scheduler starts */
#include "mpu_armv8.h"
#include "mpu_cfg.h"

void Mpu_Config(void)
{
    ARM_MPU_Disable();
    ARM_MPU_SetMemAttr(0U, ARM_MPU_ATTR(ARM_MPU_ATTR_MEMORY_(0, 1, 1, 0), ARM_MPU_ATTR_MEMORY_(0, 1, 1, 0)));
    /* region 0: flash, RO, executable */
    ARM_MPU_SetRegion(0U, ARM_MPU_RBAR(0x08000000UL, ARM_MPU_SH_NON, 1U, 1U, 0U),
                      ARM_MPU_RLAR(0x080FFFFFUL, 0U));
    /* region 1: RAM, RW, executable (ramfunc needs it) */
    ARM_MPU_SetRegion(1U, ARM_MPU_RBAR(0x20000000UL, ARM_MPU_SH_NON, 0U, 1U, 0U),
                      ARM_MPU_RLAR(0x2003FFFFUL, 0U));
    ARM_MPU_Enable(MPU_CTRL_PRIVDEFENA_Msk);
}
''')],
  lang='c')

# why: run two builds and explain differences caused by int/long width on Cortex-M0+ vs x86_64;
# one module, no concurrency -> medium
t('medium', 'test-execution',
  'Run the Unity suite for the lighting module twice: once as the host build (gcc, x86_64) and once '
  'cross-compiled for the Cortex-M0+ under QEMU with semihosting, using the script attached. Then tell '
  'me which tests give different results between the two and why. REQ-LGT-030 to REQ-LGT-045 are '
  'covered by this suite; the target result is the one that counts for the test report.',
  files=[('scripts/run_dual.sh', '''
# run_dual.sh - host + target run (sh)
set -e
cmake -S . -B build-host -DTARGET=host -DCMAKE_BUILD_TYPE=Debug
cmake --build build-host --target lgt_tests
./build-host/lgt_tests > results/host.txt || true

cmake -S . -B build-m0p -DTARGET=m0plus -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi-m0p.cmake
cmake --build build-m0p --target lgt_tests
qemu-system-arm -M microbit -nographic -semihosting-config enable=on,target=native \\
    -kernel build-m0p/lgt_tests.elf > results/m0p.txt || true
diff -u results/host.txt results/m0p.txt || true
'''), ('src/lgt/lgt_dimming.c', r'''
/* lgt_dimming.c - REQ-LGT-030..036 */
#include <stdint.h>
#include "lgt_dimming.h"

int Lgt_DimStep(int cur_pm, int target_pm, int rate_pm_per_10ms)
{
    int diff = target_pm - cur_pm;
    if (diff > rate_pm_per_10ms) {
        return cur_pm + rate_pm_per_10ms;
    }
    if (diff < -rate_pm_per_10ms) {
        return cur_pm - rate_pm_per_10ms;
    }
    return target_pm;
}

uint16_t Lgt_GammaCorrect(uint16_t lin_pm)
{
    /* duty = lin^2.2 approximated as lin^2 / 1000 with 32-bit intermediate */
    unsigned long sq = (unsigned long)lin_pm * lin_pm;
    return (uint16_t)(sq / 1000UL);
}

long Lgt_EnergyMws(uint16_t duty_pm, uint16_t power_w, uint32_t on_ms)
{
    return (long)duty_pm * power_w * on_ms / 1000L;   /* REQ-LGT-041: energy budget per drive cycle */
}
''')],
  reqs=['do not change the tests to make them agree; explain first'],
  lang='c', fw='unity')

# why: sounds like "just run the tests", but judging whether two redundant channels ever drove the
# output together means reasoning about timing overlap between two independently clocked MCUs
# during switchover -> concurrency / distributed, complex
t('complex', 'test-execution',
  'Run the switchover test set (hil/dual_ch, 40 cases) for the dual-channel steer-by-wire actuator on '
  'rig HIL-SBW-01 and tell me if there is any case where both channels drove the motor bridge at the '
  'same time, even for a few microseconds. REQ-SBW-501: at most one channel active at any instant; '
  'REQ-SBW-502: takeover within 10 ms of primary failure. The logic analyser captures both enable '
  'lines at 10 MHz. Arbitration code and the test driver attached.',
  files=[('src/sbw/ch_arbit.c', r'''
/* ch_arbit.c - runs identically on channel A and channel B MCU (separate clocks, 1 ms tick each)
 * cross-channel link: UART 2 Mbit/s heartbeat every 1 ms, plus a hardwired "peer active" GPIO */
#include <stdint.h>
#include "ch_arbit.h"

#define HB_LOSS_MS        (3U)
#define TAKEOVER_DELAY_MS (2U)

static uint8_t  s_active = 0U;
static uint16_t s_hb_missing = 0U;
static uint16_t s_takeover_cnt = 0U;

void Arb_OnHeartbeat(uint8_t peer_active)          /* UART RX ISR */
{
    s_hb_missing = 0U;
    if ((peer_active != 0U) && (Arb_IsPrimary() == 0U)) {
        s_active = 0U;
        Bridge_Enable(0U);
    }
}

void Arb_Tick_1ms(void)
{
    if (s_hb_missing < 0xFFFFU) {
        s_hb_missing++;
    }
    if (s_active == 0U) {
        if ((s_hb_missing >= HB_LOSS_MS) || (Gpio_PeerActive() == 0U)) {
            if (++s_takeover_cnt >= TAKEOVER_DELAY_MS) {
                s_active = 1U;
                Bridge_Enable(1U);
                Gpio_SetSelfActive(1U);
            }
        } else {
            s_takeover_cnt = 0U;
        }
    }
    Uart_SendHeartbeat(s_active);
}
'''), ('hil/dual_ch/test_switchover.py', '''
import pytest
from rig import sbw, la

CASES = [(kind, t) for kind in ("primary_power_cut", "primary_reset", "uart_break", "gpio_open",
                                "uart_noise_burst") for t in range(8)]

@pytest.mark.req("REQ-SBW-501", "REQ-SBW-502")
@pytest.mark.parametrize("kind,idx", CASES)
def test_switchover(rig, kind, idx):
    la.arm(channels=["EN_A", "EN_B", "PEER_ACT_A", "PEER_ACT_B"], rate_hz=10_000_000, pre_ms=20, post_ms=80)
    sbw.inject_fault(kind, phase_us=idx * 125)      # sweep fault instant over one 1 ms tick
    cap = la.wait_capture()
    cap.save(f"captures/{kind}_{idx}.sr")
    assert cap.first_rise("EN_B") - cap.trigger_time() <= 10e-3
''')],
  reqs=['the pytest assertion only checks takeover time; overlap has to be checked from the captures',
        'if a case shows overlap, explain the interleaving that produced it'],
  lang='python', fw='pytest')

# why: short plain-language ask, but it is an authorisation review of a network-exposed PLC
# write path guarding safety parameters (IEC 61508 / IEC 62443 context) -> security-critical, complex
t('complex', 'security-scan',
  'Our packaging line PLC gateway exposes Modbus TCP on the plant network. Can anything stop someone on '
  'that network from changing the safe speed limit (REQ-PKG-SF-004, SIL 2)? Handler attached.',
  files=[('src/mbtcp/mb_write.c', r'''
/* mb_write.c - Modbus TCP write handlers for the line controller gateway */
#include <stdint.h>
#include "mb_regs.h"
#include "safety_if.h"

/* holding register map
 * 40001..40010  production setpoints (operator)
 * 40100         maintenance mode (0/1)
 * 40101..40110  safety parameters (SIL 2), only writable in maintenance mode
 */
static uint16_t s_hold[MB_HOLD_COUNT];

static int in_safety_range(uint16_t addr)
{
    return (addr >= MB_REG_SAFE_FIRST) && (addr <= MB_REG_SAFE_LAST);
}

Mb_Exc Mb_WriteSingle(const Mb_Conn *conn, uint16_t addr, uint16_t value)
{
    (void)conn;
    if (addr >= MB_HOLD_COUNT) {
        return MB_EXC_ILLEGAL_ADDRESS;
    }
    if (in_safety_range(addr) && (s_hold[MB_REG_MAINT_MODE] == 0U)) {
        return MB_EXC_ILLEGAL_FUNCTION;
    }
    s_hold[addr] = value;
    if (in_safety_range(addr)) {
        Safety_SetParam((uint8_t)(addr - MB_REG_SAFE_FIRST), value);
    }
    return MB_EXC_NONE;
}

Mb_Exc Mb_WriteMultiple(const Mb_Conn *conn, uint16_t start, uint16_t qty, const uint16_t *vals)
{
    uint16_t i;
    (void)conn;
    if (((uint32_t)start + qty) > MB_HOLD_COUNT) {
        return MB_EXC_ILLEGAL_ADDRESS;
    }
    if (in_safety_range(start) && (s_hold[MB_REG_MAINT_MODE] == 0U)) {
        return MB_EXC_ILLEGAL_FUNCTION;
    }
    for (i = 0U; i < qty; i++) {
        s_hold[start + i] = vals[i];
        if (in_safety_range(start + i)) {
            Safety_SetParam((uint8_t)(start + i - MB_REG_SAFE_FIRST), vals[i]);
        }
    }
    return MB_EXC_NONE;
}
''')],
  lang='c')

t('complex', 'defect-analysis',
  'Field complaint + HIL reproduction: after a wake-up from sleep the BCM sometimes sets U0122 (lost '
  'communication with the ESC) and the instrument cluster shows the brake warning for ~1 s, even though '
  'the ESC is transmitting. Happens in maybe 1 of 15 wake-ups. REQ-NET-031 (gateway routes chassis '
  'frames to body within 5 ms of receipt) and REQ-BCM-210 (no U0122 while the source ECU is alive). '
  'I have put everything we collected below; I need the root cause and which ECU has to change.',
  files=[('logs/hil_wakeup_run_0937.asc', '''
date Thu Nov 20 09:37:12.000 am 2026
base hex  timestamps absolute
   0.000000 2  1A0             Rx   d 8 00 00 00 00 00 00 00 00   // body bus, GW_VehicleSpeed (routed)
   0.412500 1  0A0             Rx   d 8 11 02 00 00 00 00 00 00   // chassis bus, ESC_WheelSpeeds first frame after wake
   0.412900 1  50A             Rx   d 8 0A 10 00 00 00 00 00 00   // chassis NM ESC
   0.418200 2  51C             Rx   d 8 1C 10 00 00 00 00 00 00   // body NM BCM
   0.422500 1  0A0             Rx   d 8 11 03 00 00 00 00 00 00
   0.432500 1  0A0             Rx   d 8 11 04 00 00 00 00 00 00
   0.470100 1  510             Rx   d 8 10 10 00 00 00 00 00 00   // chassis NM GW (GW chassis side up)
   0.502500 1  0A0             Rx   d 8 11 09 00 00 00 00 00 00
   0.618300 2  510             Rx   d 8 10 10 00 00 00 00 00 00   // body NM GW (GW body side up)
   0.619100 2  1A0             Rx   d 8 00 00 00 00 00 00 00 00   // first routed frame, all zero
   0.619300 2  1A0             Rx   d 8 00 00 00 00 00 00 00 00
   0.619500 2  1A0             Rx   d 8 00 00 00 00 00 00 00 00
   0.622500 2  1A0             Rx   d 8 11 1F 00 00 00 00 00 00
   0.642500 2  1A0             Rx   d 8 11 21 00 00 00 00 00 00
'''), ('logs/bcm_dtc_snapshot.txt', '''
DTC U0122-00  status 0x2F  occurrence 1
  snapshot: ecu_uptime_ms=212  nm_state=NORMAL_OPERATION  rx_1A0_count=0  timeout_cfg_ms=200
  first_failed_ts=0.618  (BCM wake detected at 0.406)
'''), ('logs/ic_uart.log', '''
[0.405] IC wake (body bus activity)
[0.640] WARN brake_lamp_req: source=ESC_Status via GW invalid (E2E INITIAL/WRONGSEQ) -> lamp ON
[1.650] brake_lamp_req: valid -> lamp OFF
'''), ('gw/cfg/gw_routing_cfg.c', r'''
/* gw_routing_cfg.c - generated, GW routing table v7.3 */
#include "gw_routing.h"

const Gw_Route k_gw_routes[] = {
    /* src bus, src id, dst bus, dst id, routing group, mode */
    { GW_BUS_CHASSIS, 0x0A0U, GW_BUS_BODY, 0x1A0U, GW_RG_CHASSIS_TO_BODY, GW_MODE_SIGNAL },
    { GW_BUS_CHASSIS, 0x0A8U, GW_BUS_BODY, 0x1A8U, GW_RG_CHASSIS_TO_BODY, GW_MODE_SIGNAL },
    { GW_BUS_BODY,    0x2A0U, GW_BUS_CHASSIS, 0x2A0U, GW_RG_BODY_TO_CHASSIS, GW_MODE_PDU },
};

/* routing group enable conditions */
const Gw_RgCond k_gw_rg_cond[] = {
    { GW_RG_CHASSIS_TO_BODY, .src_nm = GW_NM_NORMAL, .dst_nm = GW_NM_NORMAL },
    { GW_RG_BODY_TO_CHASSIS, .src_nm = GW_NM_NORMAL, .dst_nm = GW_NM_NORMAL },
};
'''), ('gw/src/gw_signal_route.c', r'''
/* gw_signal_route.c - signal-based routing: received signals stored in a shadow,
 * shadow copied to dst PDU when dst is transmitted (cyclic 20 ms) */
#include "gw_routing.h"

static uint8_t s_shadow[GW_N_ROUTES][8];
static uint8_t s_shadow_valid[GW_N_ROUTES];

void Gw_RxIndication(uint8_t route, const uint8_t *data)
{
    if (Gw_RgEnabled(k_gw_routes[route].rg) != 0U) {
        (void)memcpy(s_shadow[route], data, 8U);
        s_shadow_valid[route] = 1U;
    }
}

void Gw_RgOnEnable(Gw_RgType rg)
{
    uint8_t r;
    for (r = 0U; r < GW_N_ROUTES; r++) {
        if (k_gw_routes[r].rg == rg) {
            Gw_TriggerTx(r);           /* send immediately so receivers see the frame fast */
        }
    }
}

void Gw_TxCallout(uint8_t route, uint8_t *pdu)
{
    if (s_shadow_valid[route] != 0U) {
        (void)memcpy(pdu, s_shadow[route], 8U);
    } else {
        (void)memset(pdu, 0, 8U);      /* init value */
    }
}
'''), ('gw/src/gw_nm_body.c', r'''
/* gw_nm_body.c - body bus NM on the gateway */
void GwNmBody_MainFunction(void)       /* 10 ms */
{
    switch (s_state) {
    case NM_BUS_SLEEP:
        if (Gw_WakeupSourceActive() != 0U) {
            s_state = NM_REPEAT_MESSAGE;
            s_t0 = Os_GetMs();
            Transceiver_Wake(GW_BUS_BODY);     /* TJA1145 needs up to 200 ms after local wake */
        }
        break;
    case NM_REPEAT_MESSAGE:
        if ((Os_GetMs() - s_t0) >= GW_NM_REPEAT_MS) {   /* 200 ms */
            s_state = NM_NORMAL;
            Gw_RgUpdate();
        }
        break;
    default:
        break;
    }
}
'''), ('bcm/src/bcm_rx_timeout.c', r'''
/* bcm_rx_timeout.c - REQ-BCM-210 deadline monitoring of 0x1A0 */
void BcmRxTo_OnWake(void)
{
    s_to_t0 = Os_GetMs();              /* start monitoring at own wake-up */
    s_first = 1U;
}

void BcmRxTo_MainFunction(void)        /* 10 ms */
{
    if ((Os_GetMs() - s_to_t0) > BCM_TO_1A0_MS) {    /* 200 ms, first and cyclic */
        Dem_SetEventStatus(DEM_U0122, DEM_EVENT_STATUS_FAILED);
    }
}

void BcmRxTo_RxIndication_1A0(const uint8_t *d)
{
    s_to_t0 = Os_GetMs();
    s_first = 0U;
}
''')],
  lang='c', fw='canoe')

t('simple', 'quality-gate',
  'Statement coverage for the ASIL-A interior lighting module came out at 91.4 %, our gate for REQ-LGT-* '
  'components is 90 % statement. Pass or fail?',
  lang=None)

t('simple', 'test-generation',
  'Unity tests for the CRC-8 SAE J1850 routine used for E2E on the chassis CAN (REQ-COM-041). '
  'Include the standard check value for "123456789" and the NULL pointer case.',
  files=[('src/com/crc8_j1850.c', r'''
/* crc8_j1850.c - CRC-8 SAE J1850, poly 0x1D, init 0xFF, xorout 0xFF (REQ-COM-041) */
#include <stdint.h>
#include <stddef.h>
#include "crc8_j1850.h"

#define CRC8_J1850_POLY    (0x1DU)
#define CRC8_J1850_INIT    (0xFFU)
#define CRC8_J1850_XOROUT  (0xFFU)

uint8_t Crc8_J1850(const uint8_t *data, size_t len)
{
    uint8_t crc = CRC8_J1850_INIT;
    size_t i;
    uint8_t bit;

    if (data == NULL) {
        return 0U;
    }
    for (i = 0U; i < len; i++) {
        crc ^= data[i];
        for (bit = 0U; bit < 8U; bit++) {
            if ((crc & 0x80U) != 0U) {
                crc = (uint8_t)((uint8_t)(crc << 1U) ^ CRC8_J1850_POLY);
            } else {
                crc = (uint8_t)(crc << 1U);
            }
        }
    }
    return (uint8_t)(crc ^ CRC8_J1850_XOROUT);
}
''')],
  lang='c', fw='unity')

# why: flaky-test type, but only tabulating PASS/FAIL flips from a CSV; no diagnosis asked -> simple
t('simple', 'flaky-test-analysis',
  'Twenty nights of the brake ECU software-in-the-loop suite, one row per test. Which tests flipped '
  'between PASS and FAIL at least once, and how many flips each? I will raise the tickets against the '
  'REQ-BRK IDs myself.',
  files=[('ci/brk_sil_nightly_20.csv',
          'test,' + ','.join(f'n{k:02d}' for k in range(1, 21)) + '\n' + lines(12, _night_row))],
  lang=None)

t('complex', 'test-generation',
  'Need a test suite for the brake system degradation mode manager (REQ-BRK-300 to REQ-BRK-324). '
  'Every transition in the table plus the forbidden ones: the safety case claims no path from '
  'BRK_M_SAFE_STOP back to BRK_M_NORMAL without an ignition cycle (REQ-BRK-322), and that two '
  'independent faults always end in SAFE_STOP or MECH_ONLY within 2 steps (REQ-BRK-323).',
  files=[('src/brk/brk_mode.c', r'''
/* brk_mode.c - degradation mode manager, ASIL D (REQ-BRK-300..324) */
#include <stdint.h>
#include "brk_mode.h"

typedef struct {
    Brk_ModeType   from;
    Brk_EventType  ev;
    uint8_t        (*guard)(const Brk_Ctx *c);
    Brk_ModeType   to;
    uint16_t       req;
} Brk_Trans;

static uint8_t g_speed_low(const Brk_Ctx *c)     { return (c->v_kph_x10 < 50U) ? 1U : 0U; }
static uint8_t g_speed_high(const Brk_Ctx *c)    { return (c->v_kph_x10 >= 50U) ? 1U : 0U; }
static uint8_t g_pump_ok(const Brk_Ctx *c)       { return (c->pump_fault == 0U) ? 1U : 0U; }
static uint8_t g_pump_nok(const Brk_Ctx *c)      { return (c->pump_fault != 0U) ? 1U : 0U; }
static uint8_t g_one_circuit(const Brk_Ctx *c)   { return (c->circuits_ok == 1U) ? 1U : 0U; }
static uint8_t g_no_circuit(const Brk_Ctx *c)    { return (c->circuits_ok == 0U) ? 1U : 0U; }
static uint8_t g_heal_ok(const Brk_Ctx *c)       { return (c->heal_cycles >= 20U) ? 1U : 0U; }
static uint8_t g_always(const Brk_Ctx *c)        { (void)c; return 1U; }

static const Brk_Trans k_trans[] = {
    { BRK_M_INIT,       BRK_EV_SELFTEST_OK,   g_always,      BRK_M_NORMAL,      300U },
    { BRK_M_INIT,       BRK_EV_SELFTEST_NOK,  g_pump_ok,     BRK_M_DEGR_BOOST,  301U },
    { BRK_M_INIT,       BRK_EV_SELFTEST_NOK,  g_pump_nok,    BRK_M_MECH_ONLY,   302U },
    { BRK_M_NORMAL,     BRK_EV_SENSOR_FAULT,  g_always,      BRK_M_DEGR_SENSOR, 303U },
    { BRK_M_NORMAL,     BRK_EV_PUMP_FAULT,    g_always,      BRK_M_DEGR_BOOST,  304U },
    { BRK_M_NORMAL,     BRK_EV_CIRCUIT_LOSS,  g_one_circuit, BRK_M_DEGR_CIRC,   305U },
    { BRK_M_NORMAL,     BRK_EV_CIRCUIT_LOSS,  g_no_circuit,  BRK_M_SAFE_STOP,   306U },
    { BRK_M_NORMAL,     BRK_EV_COM_LOSS,      g_always,      BRK_M_DEGR_COM,    307U },
    { BRK_M_DEGR_SENSOR,BRK_EV_SENSOR_HEALED, g_heal_ok,     BRK_M_NORMAL,      308U },
    { BRK_M_DEGR_SENSOR,BRK_EV_PUMP_FAULT,    g_always,      BRK_M_MECH_ONLY,   309U },
    { BRK_M_DEGR_SENSOR,BRK_EV_CIRCUIT_LOSS,  g_always,      BRK_M_SAFE_STOP,   310U },
    { BRK_M_DEGR_SENSOR,BRK_EV_SENSOR_FAULT,  g_always,      BRK_M_MECH_ONLY,   311U },
    { BRK_M_DEGR_BOOST, BRK_EV_PUMP_HEALED,   g_heal_ok,     BRK_M_NORMAL,      312U },
    { BRK_M_DEGR_BOOST, BRK_EV_SENSOR_FAULT,  g_always,      BRK_M_MECH_ONLY,   313U },
    { BRK_M_DEGR_BOOST, BRK_EV_CIRCUIT_LOSS,  g_always,      BRK_M_SAFE_STOP,   314U },
    { BRK_M_DEGR_CIRC,  BRK_EV_CIRCUIT_LOSS,  g_always,      BRK_M_SAFE_STOP,   315U },
    { BRK_M_DEGR_CIRC,  BRK_EV_PUMP_FAULT,    g_always,      BRK_M_SAFE_STOP,   316U },
    { BRK_M_DEGR_CIRC,  BRK_EV_SENSOR_FAULT,  g_speed_high,  BRK_M_SAFE_STOP,   317U },
    { BRK_M_DEGR_CIRC,  BRK_EV_SENSOR_FAULT,  g_speed_low,   BRK_M_MECH_ONLY,   317U },
    { BRK_M_DEGR_COM,   BRK_EV_COM_HEALED,    g_always,      BRK_M_NORMAL,      318U },
    { BRK_M_DEGR_COM,   BRK_EV_PUMP_FAULT,    g_always,      BRK_M_DEGR_BOOST,  319U },
    { BRK_M_DEGR_COM,   BRK_EV_SENSOR_FAULT,  g_always,      BRK_M_DEGR_SENSOR, 319U },
    { BRK_M_MECH_ONLY,  BRK_EV_CIRCUIT_LOSS,  g_always,      BRK_M_SAFE_STOP,   320U },
    { BRK_M_SAFE_STOP,  BRK_EV_STANDSTILL,    g_speed_low,   BRK_M_PARKED,      321U },
    { BRK_M_PARKED,     BRK_EV_SELFTEST_OK,   g_always,      BRK_M_NORMAL,      322U },
};

#define BRK_N_TRANS  (sizeof(k_trans) / sizeof(k_trans[0]))

static Brk_ModeType s_mode = BRK_M_INIT;
static uint16_t     s_last_req = 0U;

void BrkMode_Init(void)
{
    s_mode = BRK_M_INIT;
    s_last_req = 0U;
}

Brk_ModeType BrkMode_Dispatch(Brk_EventType ev, const Brk_Ctx *ctx)
{
    uint8_t i;

    if (ev == BRK_EV_IGN_OFF) {
        s_mode = BRK_M_INIT;                     /* REQ-BRK-324 */
        return s_mode;
    }
    for (i = 0U; i < BRK_N_TRANS; i++) {
        if ((k_trans[i].from == s_mode) && (k_trans[i].ev == ev) &&
            (k_trans[i].guard(ctx) != 0U)) {
            s_mode = k_trans[i].to;
            s_last_req = k_trans[i].req;
            Brk_ReportModeChange(s_mode, s_last_req);
            break;
        }
    }
    return s_mode;                               /* unmatched events are ignored */
}

uint16_t BrkMode_LastReq(void)
{
    return s_last_req;
}
''')],
  reqs=['derive the tests from the transition table, one per row, plus negative tests per state',
        'a reachability check for REQ-BRK-322 and REQ-BRK-323 as an automated test, not a review note'],
  lang='c', fw='unity')

# why: gcov already says 100 %, the real question is which ISR/task interleavings on a shared
# mailbox are unexercised and how to force them -> concurrency, complex
t('complex', 'coverage-analysis',
  'gcov says the sensor mailbox module is at 100 % line and branch coverage, but I do not believe our '
  'unit tests exercise what happens when the ADC interrupt fires in the middle of a read by either task. '
  'Which situations are really untested, and how do we cover them in the unit test build and on target? '
  'REQ-IO-080 (readers always get a consistent sample set), REQ-IO-081 (no sample older than 4 ms).',
  files=[('src/io/sens_mbox.c', r'''
/* sens_mbox.c - double-buffered sensor mailbox
 * writer: EVADC_G0 ISR (every 1 ms), readers: Brk_Ctrl_5ms (prio 18), Abs_Main_5ms (prio 17) */
#include <stdint.h>
#include "sens_mbox.h"

static SensSet s_buf[2];
static volatile uint8_t  s_wr_idx = 0U;
static volatile uint32_t s_seq = 0U;

void SensMbox_IsrWrite(const SensSet *in)            /* ISR context */
{
    uint8_t w = (uint8_t)(s_wr_idx ^ 1U);
    s_buf[w] = *in;                                  /* 24 bytes */
    s_wr_idx = w;
    s_seq++;
}

uint8_t SensMbox_Read(SensSet *out, uint32_t *seq_out)   /* task context */
{
    uint32_t seq0;
    uint8_t  tries = 0U;

    do {
        seq0 = s_seq;
        *out = s_buf[s_wr_idx];
        tries++;
    } while ((seq0 != s_seq) && (tries < 3U));

    *seq_out = seq0;
    return (seq0 == s_seq) ? 1U : 0U;
}
'''), ('cov/sens_mbox_gcov_summary.txt', '''
File 'src/io/sens_mbox.c'
Lines executed:100.00% of 14
Branches executed:100.00% of 6
Taken at least once:100.00% of 6
Calls executed:100.00% of 0
'''), ('test/io/test_sens_mbox.c', r'''
#include "unity.h"
#include "sens_mbox.h"

void test_ReadReturnsLastWritten_REQ_IO_080(void)
{
    SensSet a = { .p_brk = 1000U, .p_wheel = { 10U, 11U, 12U, 13U } };
    SensSet out;
    uint32_t seq;
    SensMbox_IsrWrite(&a);
    TEST_ASSERT_EQUAL_UINT8(1U, SensMbox_Read(&out, &seq));
    TEST_ASSERT_EQUAL_MEMORY(&a, &out, sizeof(a));
}

void test_ReadGivesUpAfterThreeTries(void)
{
    /* uses test hook to bump s_seq on every access */
    SensMbox_TestHook_BumpSeqOnRead(1U);
    SensSet out;
    uint32_t seq;
    TEST_ASSERT_EQUAL_UINT8(0U, SensMbox_Read(&out, &seq));
    SensMbox_TestHook_BumpSeqOnRead(0U);
}
''')],
  lang='c', fw='unity')

t('simple', 'defect-analysis',
  'Ceedling test for REQ-DIAG-033 fails: 3 DTCs confirmed in the fixture, the function says 4. Why?',
  files=[('src/dem/dem_count.c', r'''
/* dem_count.c - REQ-DIAG-033: number of events with testFailed set */
#include <stdint.h>
#include "dem_count.h"

uint8_t Dem_CountActive(const Dem_EventType events[DEM_MAX_EVENTS])
{
    uint8_t n = 0U;
    uint8_t i;

    for (i = 0U; i <= DEM_MAX_EVENTS; i++) {
        if ((events[i].status & DEM_UDS_STATUS_TF) != 0U) {
            n++;
        }
    }
    return n;
}
'''), ('build/test_dem_count.out', '''
test_dem_count.c:41:test_CountActive_ThreeFailed_REQ_DIAG_033:FAIL: Expected 3 Was 4
-----------------------
1 Tests 1 Failures 0 Ignored
''')],
  lang='c', fw='ceedling')

t('medium', 'coverage-analysis',
  'CTC++ summary for the brake pressure control package (5 files) is attached. ASIL-D unit verification '
  'plan needs 100 % MC/DC or a justification. Tell me which gaps look like missing tests and which look '
  'like defensive code we should justify, and which REQ-BRK IDs the missing tests belong to.',
  files=[('cov/ctc_brk_pressure_summary.txt', '''
CTC++ Coverage Report - Execution Profile   (build BRK_4.7.0_UT, 2026-11-21)
File                      Function                 MC/DC      Decision   Statement
src/brk/prs_ctrl.c        Prs_Ctrl_Step            34/38 89%  22/24 92%  140/144 97%
src/brk/prs_ctrl.c        Prs_Ctrl_Init             4/4 100%   2/2 100%   18/18 100%
src/brk/prs_ctrl.c        Prs_Ctrl_SetTarget        5/6  83%   4/4 100%   21/21 100%
src/brk/prs_valve.c       Prs_Valve_Command        12/16 75%  10/12 83%   66/70 94%
src/brk/prs_valve.c       Prs_Valve_Diag            6/10 60%   6/8  75%   40/47 85%
src/brk/prs_sensor.c      Prs_Sensor_Read          10/10 100% 6/6 100%    31/31 100%
src/brk/prs_sensor.c      Prs_Sensor_Plausible      7/12 58%   5/8  62%   28/35 80%
src/brk/prs_limit.c       Prs_Limit_Apply           8/8 100%   4/4 100%   16/16 100%
src/brk/prs_limit.c       Prs_Limit_RateLimit       3/6  50%   3/4  75%   14/17 82%
src/brk/prs_fault.c       Prs_Fault_Evaluate        9/14 64%   8/10 80%   52/60 87%

Uncovered conditions (excerpt):
prs_ctrl.c:88      (target > PRS_MAX_KPA) && (mode != PRS_MODE_ABS)        -> second condition never independently shown
prs_ctrl.c:131     default: of switch(mode)                                 -> never reached
prs_ctrl.c:57      (rate < 0) || (rate > PRS_RATE_MAX)                       -> rate < 0 never true (rate is uint16_t)
prs_valve.c:102    (cmd_pwm > 0U) && (valve_fault == 0U) && (supply_ok)     -> supply_ok FALSE never tested
prs_valve.c:140    if (diag_cnt >= PRS_DIAG_CONFIRM)                         -> TRUE never reached
prs_valve.c:151    if (open_load && !short_gnd)                              -> short_gnd TRUE never tested
prs_sensor.c:77    (abs_diff > tol) || (s1_stuck) || (s2_stuck)             -> s1_stuck, s2_stuck never TRUE
prs_sensor.c:93    if (s1 == 0xFFFFU)                                        -> TRUE never reached (ADC max 0x0FFF)
prs_limit.c:44     (delta > up_lim) || (delta < -dn_lim)                     -> delta < -dn_lim never TRUE
prs_fault.c:66     (fault_mask & PRS_F_SENSOR) != 0U                         -> TRUE never reached
prs_fault.c:72     (fault_mask & PRS_F_VALVE) && (vehicle_speed > 5U)        -> speed <= 5 with valve fault never tested
prs_fault.c:110    else branch after all fault classes                       -> never reached
'''), ('docs/brk_req_map.csv', '''
requirement,function
REQ-BRK-201,Prs_Ctrl_Step
REQ-BRK-202,Prs_Ctrl_SetTarget
REQ-BRK-210,Prs_Valve_Command
REQ-BRK-211,Prs_Valve_Diag
REQ-BRK-220,Prs_Sensor_Plausible
REQ-BRK-230,Prs_Limit_RateLimit
REQ-BRK-240,Prs_Fault_Evaluate
''')],
  lang='c', fw='ctc++')

# why: 40-row report, but only a threshold filter on one column -> mechanical, simple
t('simple', 'performance-testing',
  'Stack high-water marks from the 10 h endurance run on the brake ECU. REQ-SYS-020 says no task may '
  'use more than 80 % of its stack. Just give me the tasks over the limit, sorted by usage.',
  files=[('reports/stack_hwm_endurance.txt',
          'task               size_B  used_B   usage\n' + lines(40, _stack_row))],
  lang=None)

t('medium', 'test-execution',
  'Run the door control module HIL suite (hil/dcm, pytest, rig HIL-BODY-01) against SW DCM_2.8.0, '
  'collect the verdict per REQ-DCM ID from the req marker, re-run each failure once, and report which '
  'failures reproduce and which passed on re-run. Rig config and conftest attached.',
  files=[('hil/dcm/conftest.py', '''
import pytest
from rig import Rig, can

def pytest_addoption(parser):
    parser.addoption("--rig", default="HIL-BODY-01")
    parser.addoption("--sw", required=True)

@pytest.fixture(scope="session")
def rig(request):
    r = Rig.connect(request.config.getoption("--rig"))
    r.flash_if_needed(request.config.getoption("--sw"))
    r.power_cycle(kl30=True, kl15=True)
    yield r
    r.power_off()

@pytest.fixture(autouse=True)
def reset_doors(rig):
    rig.set_all_doors(closed=True, locked=False)
    can.clear_rx()
    yield

def pytest_collection_modifyitems(items):
    for it in items:
        m = it.get_closest_marker("req")
        if m is None:
            it.add_marker(pytest.mark.xfail(reason="no REQ marker", strict=True))
'''), ('hil/dcm/rig_HIL-BODY-01.yaml', '''
rig: HIL-BODY-01
can:
  body: {iface: vector, channel: 2, bitrate: 500000}
power: {supply: "EA-PS 9080", kl30_v: 13.5}
loads:
  door_lock_motors: electronic_load_bank_A
  window_motors: electronic_load_bank_B
known_issues:
  - id: RIG-77
    text: load bank B relay sticks after ~200 switch cycles, window tests may time out
''')],
  reqs=['use --sw DCM_2.8.0', 'tag failures that match a known rig issue separately'],
  lang='python', fw='pytest')

# why: a multi-metric gate is medium by the rubric, but here 8 artefacts and ASIL D safety-case
# judgement (FMEDA LFM, decomposition finding, conditional release argument) -> complex
t('complex', 'quality-gate',
  'SOP release decision for the EPS software EPS_APP_5.0.0 (ASIL D). I need a gate verdict against '
  'REQ-QA-100 to REQ-QA-112 with the evidence for each, and a list of what would have to be closed or '
  'argued in the safety case for a conditional release. All artefacts attached; the criteria are in '
  'release_criteria.md.',
  files=[('qa/release_criteria.md', '''
REQ-QA-100  All safety requirements (ASIL A-D) traced to at least one passing verification.
REQ-QA-101  Unit MC/DC 100 % for ASIL D units, justified gaps reviewed by the safety manager.
REQ-QA-102  Zero MISRA Mandatory; Required only with approved deviations.
REQ-QA-103  HIL regression 100 % pass on the release candidate, rig issues re-run and passed.
REQ-QA-104  No open defect with safety impact of class A or B; class C needs an impact analysis.
REQ-QA-105  FMEDA: SPFM >= 99 %, LFM >= 90 %, PMHF < 10 FIT for the EPS item (ASIL D targets).
REQ-QA-106  Timing: all tasks below 80 % of deadline in worst-case measured trace.
REQ-QA-107  Stack margin >= 20 % per task in endurance run.
REQ-QA-108  Tool qualification reports present for all TCL2/TCL3 tools used.
REQ-QA-109  Confirmation review and functional safety audit findings closed or accepted.
REQ-QA-110  Software configuration (hash) of the tested build equals the release build.
REQ-QA-111  Calibration data set verified against the released calibration hash.
REQ-QA-112  Cybersecurity: no open finding rated high or critical (ISO/SAE 21434 TARA link).
'''), ('qa/trace_summary.txt', '''
safety requirements: 412   traced+passing: 405   traced+failing: 3   untraced: 4
failing: REQ-EPS-377 (ASIL D), REQ-EPS-402 (ASIL C), REQ-EPS-519 (ASIL B)
untraced: REQ-EPS-601..604 (ASIL A, added in CR-EPS-233 two weeks ago)
'''), ('qa/coverage_unit.txt', '''
ASIL D units: 38   MC/DC 100 %: 33   with justified gaps: 4   open gaps: 1 (eps_torque_lim.c, 2 pairs)
justified gaps reviewed by safety manager: 2 of 4 (CJ-EPS-11, CJ-EPS-14); CJ-EPS-12, CJ-EPS-13 reviewed by team lead only
'''), ('qa/misra.txt', '''
Mandatory: 0   Required: 57 (57 with deviation; 3 deviations in state "draft")   Advisory: 611
'''), ('qa/hil_regression.txt', '''
build hash: 9f1c2e7a   total: 1288   pass: 1281   fail: 7
fails: 5 tagged RIG-102 (re-run: 4 pass, 1 still fail TC_EPS_4410), 2 untagged: TC_EPS_3981, TC_EPS_4122
'''), ('qa/fmeda_summary.csv', '''
item,spfm_pct,lfm_pct,pmhf_fit,notes
EPS_ECU,99.2,88.7,7.9,"LFM below target: latent faults of torque sensor supply monitor (SM-EPS-31) not diagnosed at power-up"
'''), ('qa/defects_open.csv', '''
id,class,safety_impact,state,impact_analysis
EPS-DEF-501,B,yes,fixed-not-verified,
EPS-DEF-517,C,yes,open,IA-EPS-517 done
EPS-DEF-522,C,yes,open,
EPS-DEF-530,A,no,open,
'''), ('qa/timing_stack_tools.txt', '''
timing worst-case: EpsCtrl_1ms 74 %, EpsMon_2ms 81 %, Com_10ms 55 %
stack margin (endurance 24 h): min 23 % (EpsCtrl_1ms), Dem_10ms 19 %
tool qualification: compiler TQ-EPS-01 present, static analyser TQ-EPS-02 present, VectorCAST TQ-EPS-03 missing (TCL2)
release build hash: 9f1c2e7a   calibration hash tested: C4A1-77   calibration hash released: C4A1-79
confirmation review CR-EPS-5.0: 2 findings open (1 major: "ASIL decomposition of SG-03 not reflected in SW arch")
cybersecurity: TARA TR-EPS-12, open findings: 1 medium (CSF-EPS-044)
''')],
  lang=None)

# why: 25 lines, but ISR producer / task consumer sharing head and tail on a Cortex-M7 with
# no barriers; testing it properly means reasoning about interleavings and memory ordering -> complex
t('complex', 'test-generation',
  'Please write tests for this little queue. The CAN RX interrupt pushes frames, the comms task pops them. '
  'REQ-CAN-040: no frame lost or duplicated while the queue is not full.',
  files=[('src/can/can_rxq.c', r'''
/* can_rxq.c - RX frame queue, producer = CAN1_RX0_IRQHandler, consumer = Com_Rx_10ms task
 * Target: STM32H743 (Cortex-M7, D-cache on, queue placed in AXI SRAM). REQ-CAN-040, REQ-CAN-041 */
#include <stdint.h>
#include "can_rxq.h"

#define RXQ_LEN  (32U)   /* power of two */

static CanFrame s_buf[RXQ_LEN];
static volatile uint32_t s_head = 0U;   /* written by ISR only  */
static volatile uint32_t s_tail = 0U;   /* written by task only */

bool CanRxq_Push(const CanFrame *f)     /* ISR context */
{
    uint32_t h = s_head;
    if ((h - s_tail) >= RXQ_LEN) {
        return false;                   /* REQ-CAN-041: drop newest, count overflow */
    }
    s_buf[h & (RXQ_LEN - 1U)] = *f;
    s_head = h + 1U;
    return true;
}

bool CanRxq_Pop(CanFrame *out)          /* task context */
{
    uint32_t t = s_tail;
    if (t == s_head) {
        return false;
    }
    *out = s_buf[t & (RXQ_LEN - 1U)];
    s_tail = t + 1U;
    return true;
}
''')],
  lang='c', fw='googletest')

t('simple', 'coverage-analysis',
  'Annotated gcov for the CAN signal packer. Which lines were never executed? Just line numbers and the '
  'statement, I will map them to REQ-COM-11x myself.',
  files=[('cov/tx_pack_signals.c.gcov', '''
        -:    0:Source:src/com/tx_pack_signals.c
        -:    1:/* tx_pack_signals.c - REQ-COM-110..116 */
        -:    2:#include "tx_pack_signals.h"
        -:    3:
       24:    4:void Tx_PackSpeed(uint8_t *f, uint16_t kph_x100)
        -:    5:{
       24:    6:    f[0] = (uint8_t)(kph_x100 >> 8);
       24:    7:    f[1] = (uint8_t)kph_x100;
       24:    8:}
        -:    9:
       12:   10:void Tx_PackGearAndMode(uint8_t *f, uint8_t gear, uint8_t mode)
        -:   11:{
       12:   12:    if (gear > 7U) {
    #####:   13:        gear = 7U;
        -:   14:    }
       12:   15:    f[2] = (uint8_t)((f[2] & 0x1FU) | (uint8_t)(gear << 5U));
       12:   16:    f[2] = (uint8_t)((f[2] & 0xE3U) | (uint8_t)((mode & 0x07U) << 2U));
       12:   17:}
        -:   18:
    #####:   19:void Tx_PackQualifier(uint8_t *f, uint8_t q)
        -:   20:{
    #####:   21:    f[3] = (uint8_t)((f[3] & 0xFCU) | (q & 0x03U));
    #####:   22:}
        -:   23:
        8:   24:void Tx_PackCounter(uint8_t *f, uint8_t *cnt)
        -:   25:{
        8:   26:    *cnt = (uint8_t)((*cnt + 1U) % 15U);
        8:   27:    f[7] = (uint8_t)((f[7] & 0xF0U) | *cnt);
        8:   28:}
''')],
  lang='c', fw='gcov')

# why: one ~40-line module plus a UART log; the cause is a 16-bit timestamp wrap in the window check,
# found by correlating log and code; no concurrency or multi-module context -> medium
t('medium', 'defect-analysis',
  'After the last SW drop the steering column lock ECU does a watchdog reset roughly every 65 s after '
  'ignition on (REQ-SCL-071: no unintended reset). Only happens with the new window watchdog config. '
  'Module and the UART log attached, find the cause.',
  files=[('src/wdg/wdg_mgr.c', r'''
/* wdg_mgr.c - window watchdog manager, REQ-SCL-070..074 */
#include <stdint.h>
#include "wdg_mgr.h"
#include "hal_wwdg.h"
#include "os_tick.h"

#define WDG_WINDOW_OPEN_MS    (12U)    /* must not trigger earlier than this after last trigger */
#define WDG_TIMEOUT_MS        (20U)    /* must trigger before this */

static uint16_t s_last_trigger_ms = 0U;
static uint8_t  s_alive_flags = 0U;

void WdgM_Init(void)
{
    s_last_trigger_ms = (uint16_t)OsTick_GetMs();
    s_alive_flags = 0U;
    HAL_WWDG_Start(WDG_TIMEOUT_MS);
}

void WdgM_CheckpointReached(uint8_t task_bit)
{
    s_alive_flags |= task_bit;
}

void WdgM_MainFunction(void)           /* called every 1 ms from the 1 ms task */
{
    uint16_t now = (uint16_t)OsTick_GetMs();

    if (s_alive_flags != WDG_ALL_TASKS_ALIVE) {
        return;                        /* REQ-SCL-072: withhold trigger if a task is stuck */
    }
    if (now < (uint16_t)(s_last_trigger_ms + WDG_WINDOW_OPEN_MS)) {
        return;                        /* window not open yet */
    }
    HAL_WWDG_Trigger();
    s_last_trigger_ms = now;
    s_alive_flags = 0U;
}
'''), ('logs/scl_uart_ign_on.log', '''
[00000.000] EcuM: startup, reset reason = POWER_ON
[00000.004] WdgM: init, window 12..20 ms
[00000.015] WdgM: first trigger
[00010.000] SclLock: state UNLOCKED
[00030.000] diag: alive 30 s
[00060.000] diag: alive 60 s
[00065.513] WdgM: trigger @65513
[00065.525] WdgM: trigger @65525
[00065.526] WdgM: trigger @65526
[00065.526] HAL_WWDG: early-window violation (1 ms since last trigger)
[00000.000] EcuM: startup, reset reason = WWDG
''')],
  lang='c')

t('complex', 'security-scan',
  'Security review of the secure boot / image verification step in our brake ECU bootloader before the '
  'UNECE R155 assessment. REQ-SEC-040 (only OEM-signed images run), REQ-SEC-041 (no rollback below the '
  'anti-rollback counter), REQ-SEC-042 (a failed update never leaves an unverified image executable).',
  files=[('boot/img_verify.c', r'''
/* img_verify.c - application image verification, ECDSA P-256 over SHA-256 (HSM driver) */
#include <stdint.h>
#include <string.h>
#include "img_verify.h"
#include "hsm_crypto.h"
#include "flash_drv.h"
#include "otp.h"

#define IMG_SLOT_B_ADDR   (0x00280000UL)
#define IMG_SLOT_MAX      (0x00180000UL)
#define IMG_MAGIC         (0x42524B31UL)       /* "BRK1" */

typedef struct {
    uint32_t magic;
    uint32_t version;
    uint32_t length;                           /* payload bytes after header */
    uint32_t entry;
    uint8_t  sha256[32];
    uint8_t  sig[64];
} ImgHeader;

static uint8_t s_digest[32];

Img_Result Img_VerifySlotB(void)
{
    const ImgHeader *h = (const ImgHeader *)IMG_SLOT_B_ADDR;
    const uint8_t *payload = (const uint8_t *)(IMG_SLOT_B_ADDR + sizeof(ImgHeader));

    if (h->magic != IMG_MAGIC) {
        return IMG_BAD_MAGIC;
    }
    if (Hsm_Sha256(payload, h->length, s_digest) != HSM_OK) {
        return IMG_HASH_FAIL;
    }
    if (memcmp(s_digest, h->sha256, sizeof(s_digest)) != 0) {
        return IMG_HASH_MISMATCH;
    }
    if (Hsm_EcdsaVerify(HSM_KEY_SLOT_OEM, h->sha256, sizeof(h->sha256), h->sig) != HSM_OK) {
        return IMG_SIG_FAIL;
    }
    if (h->version < Otp_ReadRollbackCounter()) {
        return IMG_ROLLBACK;
    }
    return IMG_OK;
}

void Boot_Main(void)
{
    Img_Result r = Img_VerifySlotB();
    if (r == IMG_OK) {
        Flash_CopySlot(IMG_SLOT_B_ADDR, IMG_SLOT_A_ADDR, sizeof(ImgHeader) + ((const ImgHeader *)IMG_SLOT_B_ADDR)->length);
        Otp_WriteRollbackCounter(((const ImgHeader *)IMG_SLOT_A_ADDR)->version);
        Boot_JumpTo(((const ImgHeader *)IMG_SLOT_A_ADDR)->entry);
    } else if (Boot_SlotAMarkedValid()) {
        Boot_JumpTo(((const ImgHeader *)IMG_SLOT_A_ADDR)->entry);
    } else {
        Boot_EnterUpdateMode();
    }
}
''')],
  reqs=['for each finding say which REQ-SEC ID is violated and how it would be exploited',
        'consider what an attacker with access to the flashing tool and the CAN bus can do'],
  lang='c')

t('complex', 'performance-testing',
  'We are adding 20 CAN FD frames to the chassis bus for the new ADAS feature. Before the gateway '
  'freeze I need a bus load and worst-case response time test plan for the whole chassis network '
  '(500 kbit/s arbitration, 2 Mbit/s data), and a first worst-case latency estimate per message incl. '
  'bit stuffing and error frames, so we know which deadlines REQ-NET-010 (every message within its '
  'period) will miss. Message list below; ECUs are ESC, EPS, ECM, TCM, BCM, GW, ADAS, ACU, EPB, IC.',
  files=[('net/chassis_matrix_v7.txt',
          '# id   name                       dlc     period        sender deadline\n' + lines(40, _dbc_row)),
         ('net/ecu_tx_notes.md', '''
- ESC and EPS use a single TX mailbox with FIFO queueing (no priority inversion protection in HW queue)
- GW re-transmits body-bus frames onto chassis in bursts after wake-up (up to 12 frames back-to-back)
- ACU_Crash is event-triggered in a crash (5 repetitions at 1 ms), otherwise cyclic 10 ms
- assume error rate model: 1 error frame per 10 ms during EMC test phase (REQ-NET-014)
- target worst-case bus load <= 60 % at 500 kbit/s nominal (REQ-NET-011)
''')],
  reqs=['state every assumption on jitter and queueing', 'say which measurements to take on the HIL bus to confirm the estimate'],
  lang=None, fw='canoe')

t('simple', 'test-generation',
  'Convert this GoogleTest file to Unity so it can run in the Ceedling build with the rest of the '
  'REQ-LOG tests. Same cases, same names as far as Unity allows.',
  files=[('test/log/ringbuf_test.cpp', r'''
#include <gtest/gtest.h>
extern "C" {
#include "ringbuf.h"
}

class RingBufTest : public ::testing::Test {
protected:
    void SetUp() override { RingBuf_Init(&rb_, storage_, sizeof(storage_)); }
    RingBuf rb_;
    uint8_t storage_[8];
};

TEST_F(RingBufTest, EmptyAfterInit)          // REQ-LOG-010
{
    EXPECT_EQ(0U, RingBuf_Count(&rb_));
    EXPECT_TRUE(RingBuf_IsEmpty(&rb_));
}

TEST_F(RingBufTest, PutThenGetReturnsSameByte)   // REQ-LOG-011
{
    uint8_t out = 0U;
    ASSERT_TRUE(RingBuf_Put(&rb_, 0xA5U));
    ASSERT_TRUE(RingBuf_Get(&rb_, &out));
    EXPECT_EQ(0xA5U, out);
}

TEST_F(RingBufTest, PutFailsWhenFull)        // REQ-LOG-012
{
    for (uint8_t i = 0U; i < 8U; ++i) {
        ASSERT_TRUE(RingBuf_Put(&rb_, i));
    }
    EXPECT_FALSE(RingBuf_Put(&rb_, 0xFFU));
    EXPECT_EQ(8U, RingBuf_Count(&rb_));
}
''')],
  lang='c', fw='unity')

# why: long safety-programme context, but the actual question is one number from a short report
# against a zero threshold -> simple
t('simple', 'quality-gate',
  'Background so you understand the stakes: this is the seat belt pretensioner controller, ASIL-B per '
  'the HARA (HZ-017, HZ-018), we are two weeks from the supplier confirmation review with the OEM, the '
  'functional safety assessor from the OEM side flagged last time that our MISRA compliance evidence was '
  'not convincing, our deviation process (DEV-PROC-02) was reworked since then, the new static analysis '
  'tool version was qualified under TCL2 in TQ-REP-009, and the team changed two leads in September. '
  'The compliance summary from the new run is attached. The only gate criterion I need you to check '
  'right now is REQ-QA-014: zero Mandatory violations and zero Required violations without an approved '
  'deviation record. Does this run meet it?',
  files=[('qa/misra_compliance_summary.txt', '''
MISRA C:2012 compliance summary - SBP_CTRL_1.9.0 (tool: static analyser, qualified TQ-REP-009)
category     rules_violated  violations  with_approved_deviation  without_deviation
Mandatory                0           0                        0                  0
Required                 6          31                       29                  2
Advisory                11         204                       12                192
open items without deviation (Required):
  Rule 11.3  src/hal/spi_dma.c:88   cast from uint32_t* to volatile SpiRegs*
  Rule 17.7  src/app/sbp_fire.c:141 return value of Sbp_ArmCheck() discarded
''')],
  lang='c')

t('simple', 'test-generation',
  'Unity tests for the accelerator pedal scaling function, REQ-APP-207: both end stops, midpoint, and one '
  'count inside and outside each limit. Out-of-range fault detection is a separate function, not in scope.',
  files=[('src/app/app_scale.c', r'''
/* app_scale.c - REQ-APP-207 pedal raw ADC (12 bit) to percent in 0.1 % units */
#include <stdint.h>
#include "app_scale.h"

#define APP_ADC_MIN   (410U)    /* 0.5 V */
#define APP_ADC_MAX   (3686U)   /* 4.5 V */
#define APP_PCT_MAX   (1000U)   /* 100.0 % */

uint16_t App_ScaleRaw(uint16_t raw)
{
    uint32_t span;
    uint32_t pct;

    if (raw <= APP_ADC_MIN) {
        return 0U;
    }
    if (raw >= APP_ADC_MAX) {
        return APP_PCT_MAX;
    }
    span = (uint32_t)APP_ADC_MAX - (uint32_t)APP_ADC_MIN;
    pct = (((uint32_t)raw - (uint32_t)APP_ADC_MIN) * APP_PCT_MAX) / span;
    return (uint16_t)pct;
}
''')],
  lang='c', fw='unity')

t('medium', 'quality-gate',
  'Release candidate EPB_SW_3.1.0-rc2 for the electric park brake (ASIL-C). Check the metrics against '
  'our release criteria file and give me GO / NO-GO per criterion with the REQ-QA ID.',
  files=[('qa/release_criteria_epb.yaml', '''
# Release criteria, EPB SW, ASIL C (REQ-QA-001..REQ-QA-008)
REQ-QA-001: {metric: unit_statement_coverage, min: 100.0, allow_justified: true}
REQ-QA-002: {metric: unit_branch_coverage,    min: 100.0, allow_justified: true}
REQ-QA-003: {metric: unit_mcdc_coverage,      min: 95.0,  allow_justified: true}   # ASIL C: highly recommended
REQ-QA-004: {metric: misra_mandatory,         max: 0}
REQ-QA-005: {metric: misra_required_undeviated, max: 0}
REQ-QA-006: {metric: hil_pass_rate,           min: 100.0, exclude: [known_rig_issue]}
REQ-QA-007: {metric: open_safety_defects,     max: 0,     severity: [A, B]}
REQ-QA-008: {metric: stack_margin_pct,        min: 20.0}
'''), ('qa/metrics_rc2.json', '''
{
  "build": "EPB_SW_3.1.0-rc2",
  "unit_statement_coverage": 99.2,
  "unit_statement_justified": 0.8,
  "unit_branch_coverage": 97.6,
  "unit_branch_justified": 1.9,
  "unit_mcdc_coverage": 93.8,
  "unit_mcdc_justified": 2.1,
  "misra_mandatory": 0,
  "misra_required_total": 14,
  "misra_required_deviated": 14,
  "hil_total": 412, "hil_pass": 409, "hil_fail": 3,
  "hil_fail_tags": {"TC_EPB_2107": "known_rig_issue", "TC_EPB_2231": "known_rig_issue", "TC_EPB_2260": ""},
  "open_defects": [
    {"id": "EPB-DEF-118", "severity": "B", "safety": true,  "state": "resolved-unverified"},
    {"id": "EPB-DEF-121", "severity": "C", "safety": true,  "state": "open"},
    {"id": "EPB-DEF-125", "severity": "A", "safety": false, "state": "open"}
  ],
  "stack_margin_pct": {"Epb_Motor_5ms": 31.0, "Epb_Logic_10ms": 18.5, "Dem_Main_10ms": 42.0}
}
''')],
  lang=None)

# why: 60-row report, but only filtering 0 % rows and grouping by file -> mechanical, simple
t('simple', 'coverage-analysis',
  'gcov function summary from the BCM unit test build attached. For the REQ-BCM traceability report I only '
  'need the list of functions with 0 % line coverage, grouped by source file. Nothing else.',
  files=[('reports/bcm_gcov_functions.txt',
          'file               function             lines      pct\n' + lines(60, _bcm_cov))],
  lang='c', fw='gcov')

t('medium', 'coverage-analysis',
  'Branch coverage for the door handle input module is stuck at 71 %. Code and the gcov branch output '
  'are attached. Tell me which branches are not hit, what input sequence reaches each one, and which '
  'REQ-DCM-05x each belongs to; then propose the Unity test cases.',
  files=[('src/dcm/door_handle.c', r'''
/* door_handle.c - outside door handle switch + capacitive sensor, REQ-DCM-050..056 */
#include <stdint.h>
#include "door_handle.h"

#define DH_DEB_MS        (30U)
#define DH_LONG_MS       (1500U)
#define DH_CAP_MIN       (120U)
#define DH_CAP_MAX       (3900U)

static DhState s_st[DH_N_DOORS];

void Dh_Init(void)
{
    uint8_t d;
    for (d = 0U; d < DH_N_DOORS; d++) {
        s_st[d].phase = DH_IDLE;
        s_st[d].t_ms = 0U;
        s_st[d].fault = 0U;
    }
}

DhEvent Dh_Step(uint8_t door, uint8_t sw_raw, uint16_t cap_raw, uint16_t dt_ms)
{
    DhState *s;
    DhEvent ev = DH_EV_NONE;

    if (door >= DH_N_DOORS) {
        return DH_EV_NONE;                                  /* REQ-DCM-050 */
    }
    s = &s_st[door];
    if ((cap_raw < DH_CAP_MIN) || (cap_raw > DH_CAP_MAX)) {
        s->fault = 1U;                                      /* REQ-DCM-055: sensor fault, switch only */
    }
    switch (s->phase) {
    case DH_IDLE:
        if ((sw_raw != 0U) || ((s->fault == 0U) && (cap_raw > DH_CAP_TOUCH))) {
            s->phase = DH_DEBOUNCE;
            s->t_ms = 0U;
        }
        break;
    case DH_DEBOUNCE:
        s->t_ms += dt_ms;
        if ((sw_raw == 0U) && ((s->fault != 0U) || (cap_raw <= DH_CAP_TOUCH))) {
            s->phase = DH_IDLE;                             /* REQ-DCM-051: glitch */
        } else if (s->t_ms >= DH_DEB_MS) {
            s->phase = DH_PRESSED;
            ev = (sw_raw != 0U) ? DH_EV_PULL : DH_EV_TOUCH; /* REQ-DCM-052 */
        } else {
            /* keep debouncing */
        }
        break;
    case DH_PRESSED:
        s->t_ms += dt_ms;
        if (sw_raw == 0U) {
            s->phase = DH_IDLE;
            ev = DH_EV_RELEASE;                             /* REQ-DCM-053 */
        } else if (s->t_ms >= (DH_DEB_MS + DH_LONG_MS)) {
            s->phase = DH_LONG;
            ev = DH_EV_LONG_PULL;                           /* REQ-DCM-054: emergency unlock */
        } else {
            /* still pressed */
        }
        break;
    case DH_LONG:
        if (sw_raw == 0U) {
            s->phase = DH_IDLE;
            ev = DH_EV_RELEASE;
        }
        break;
    default:
        s->phase = DH_IDLE;                                 /* REQ-DCM-056: corrupted state */
        break;
    }
    return ev;
}
'''), ('cov/door_handle.c.gcov.branches.txt', '''
        -:   29:    if (door >= DH_N_DOORS) {
branch  0 taken 0%
branch  1 taken 100%
        -:   33:    if ((cap_raw < DH_CAP_MIN) || (cap_raw > DH_CAP_MAX)) {
branch  0 taken 0%   (cap_raw < DH_CAP_MIN)
branch  1 taken 100%
branch  2 taken 12%  (cap_raw > DH_CAP_MAX)
branch  3 taken 88%
        -:   38:        if ((sw_raw != 0U) || ((s->fault == 0U) && (cap_raw > DH_CAP_TOUCH))) {
branch  0 taken 64%
branch  1 taken 36%
branch  2 taken 100%
branch  3 taken 0%   (s->fault != 0 in IDLE)
branch  4 taken 0%   (cap touch without switch)
branch  5 taken 100%
        -:   45:        if ((sw_raw == 0U) && ((s->fault != 0U) || (cap_raw <= DH_CAP_TOUCH))) {
branch  0 taken 18%
branch  1 taken 82%
branch  2 taken 0%
branch  3 taken 100%
        -:   48:        } else if (s->t_ms >= DH_DEB_MS) {
branch  0 taken 71%
branch  1 taken 29%
        -:   50:            ev = (sw_raw != 0U) ? DH_EV_PULL : DH_EV_TOUCH;
branch  0 taken 100%
branch  1 taken 0%
        -:   60:        } else if (s->t_ms >= (DH_DEB_MS + DH_LONG_MS)) {
branch  0 taken 0%
branch  1 taken 100%
        -:   67:        if (sw_raw == 0U) {
branch  0 never executed
branch  1 never executed
        -:   72:    default:
branch  never executed
''')],
  lang='c', fw='unity')

# why: reading one trace and correlating overruns with a flag against two criteria for one ECU;
# not a whole-system load design -> medium
t('medium', 'performance-testing',
  'Tracealyzer export (task start records) from the brake ECU bench, 50 activations. Which task violates '
  'its deadline, how often, and what is different in those activations? REQ-BRK-140 (Brk_Ctrl_5ms '
  'response <= 4.5 ms) and REQ-SYS-012 (no task above 80 % of its deadline) both apply.',
  files=[('trace/brk_bench_activations.txt', lines(50, _rtos_trace_row))],
  lang=None)

t('complex', 'performance-testing',
  'Plan the timing verification campaign for the whole brake ECU software on the AURIX TC397 (3 cores '
  'used, lockstep on core 0): all OS tasks, all ISRs, inter-core communication and the safety mechanisms '
  'that run in background. We need evidence for REQ-SYS-010 to REQ-SYS-016 (deadlines, end-to-end '
  'latency pedal-to-valve <= 12 ms, CPU load <= 70 % per core) for the ISO 26262-6 timing analysis. '
  'OS configuration attached.',
  files=[('cfg/os_tasks_tc397.csv', '''
core,task,priority,period_ms,type,notes
0,Io_Adc_2ms,20,2,periodic,reads pedal + pressure sensors via EVADC, DMA
0,Brk_Ctrl_5ms,18,5,periodic,pressure controller, writes shared target to core 1
0,Abs_Main_5ms,17,5,periodic,wheel slip control
0,SelfTest_Cpu_10ms,10,10,periodic,SafeTlib CPU self test slices
0,Wdg_Trigger_20ms,9,20,periodic,external window watchdog (TLF35584)
1,Valve_Drv_1ms,20,1,periodic,reads target from core 0 via shared LMU RAM + spinlock
1,Epb_Motor_5ms,16,5,periodic,motor current control
1,Com_Rx_10ms,12,10,periodic,CAN FD RX, E2E check
1,Com_Tx_10ms,11,10,periodic,CAN FD TX
2,Dcm_Main_10ms,8,10,periodic,UDS diagnostics, flash programming requests
2,Nvm_Main_20ms,6,20,periodic,DFLASH emulation, erase can stall core 2 up to 5 ms
2,Log_Writer_100ms,2,100,periodic,trace log to DFLASH
2,SelfTest_Ram_Bg,1,-,background,MBIST slices
isr,CAN0_RX,ISR2,-,event,up to 4 frames per ms at full load
isr,GTM_TOM0,ISR2,-,event,PWM period end, 20 kHz
isr,EVADC_G0,ISR2,-,event,conversion done, 10 kHz
isr,STM0_CMP0,ISR2,-,event,OS tick core 0
isr,QSPI2_TX,ISR2,-,event,TLF35584 SPI
''')],
  reqs=['cover measurement (trace-based) and static WCET analysis and say what each gives us',
        'include worst-case cache and LMU/SRI bus contention scenarios across cores',
        'define the stimulus for the pedal-to-valve end-to-end latency test on the HIL'],
  lang='c')

t('simple', 'test-execution',
  'Re-run only test_Mb_Crc16_KnownVectors (REQ-MB-004) on the host target with verbose output and '
  'paste me the result.',
  lang='c', fw='ceedling')

t('simple', 'test-generation',
  'This CppUTest case for REQ-LMP-014 calls everything but checks almost nothing. Add the obvious '
  'assertions: returned status, the duty cycle written to the PWM mock, and the fault flag.',
  files=[('test/lamp/test_lamp_pwm.cpp', r'''
#include "CppUTest/TestHarness.h"
#include "CppUTestExt/MockSupport.h"
extern "C" {
#include "lamp_pwm.h"
}

TEST_GROUP(LampPwm)
{
    void teardown() override { mock().checkExpectations(); mock().clear(); }
};

// REQ-LMP-014: at 13.5 V supply the brake lamp is driven at 100 % duty,
// above 14.0 V duty is reduced to keep 13.5 V RMS, below 9 V fault flag is set
TEST(LampPwm, DutyCompensatesHighSupply)
{
    mock().expectOneCall("Pwm_SetDuty").withParameter("ch", LAMP_CH_BRAKE).ignoreOtherParameters();
    LampPwm_Status st = LampPwm_Update(LAMP_CH_BRAKE, 15000U /* mV */);
    (void)st;
}

TEST(LampPwm, LowSupplySetsFault)
{
    mock().expectOneCall("Pwm_SetDuty").ignoreOtherParameters();
    LampPwm_Status st = LampPwm_Update(LAMP_CH_BRAKE, 8500U);
    (void)st;
    (void)LampPwm_GetFault(LAMP_CH_BRAKE);
}
'''), ('src/lamp/lamp_pwm.c', r'''
/* lamp_pwm.c - REQ-LMP-014 supply-compensated lamp PWM */
#include <stdint.h>
#include "lamp_pwm.h"
#include "pwm.h"

static uint8_t s_fault[LAMP_N_CH];

LampPwm_Status LampPwm_Update(uint8_t ch, uint16_t supply_mv)
{
    uint32_t duty_pm = 1000U;                     /* per mille */

    if (ch >= LAMP_N_CH) {
        return LAMP_E_PARAM;
    }
    s_fault[ch] = (supply_mv < 9000U) ? 1U : 0U;
    if (supply_mv > 14000U) {
        /* RMS compensation: duty = (13.5 / U)^2 */
        duty_pm = (1000U * 13500UL * 13500UL) / ((uint32_t)supply_mv * supply_mv);
    }
    Pwm_SetDuty(ch, (uint16_t)duty_pm);
    return LAMP_OK;
}

uint8_t LampPwm_GetFault(uint8_t ch)
{
    return (ch < LAMP_N_CH) ? s_fault[ch] : 1U;
}
''')],
  lang='cpp', fw='cpputest')

t('simple', 'test-execution',
  'Run the Ceedling unit tests for the brake module (test/brk/) on the host build and list any that fail, '
  'with the REQ-BRK-xxx ID from the header comment of each failing test.',
  lang='c', fw='ceedling')

t('complex', 'security-scan',
  'Review our UDS SecurityAccess (0x27) implementation for the brake ECU before the pen test. '
  'REQ-SEC-021 to REQ-SEC-025 apply: unpredictable seed, 3 failed attempts then 10 s lockout that '
  'survives a reset, no unlock in the default session.',
  files=[('src/dcm/dcm_secacc.c', r'''
/* dcm_secacc.c - UDS 0x27 SecurityAccess, level 0x01/0x02 (REQ-SEC-021..025) */
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include "dcm_secacc.h"
#include "os_tick.h"
#include "nvm_if.h"

#define SA_SEED_LEN        (4U)
#define SA_MAX_ATTEMPTS    (3U)
#define SA_LOCKOUT_MS      (10000U)

static uint8_t  s_seed[SA_SEED_LEN];
static uint8_t  s_seed_valid = 0U;
static uint8_t  s_attempts = 0U;
static uint32_t s_lock_t0 = 0U;
static uint8_t  s_unlocked = 0U;

static void sa_calc_key(const uint8_t *seed, uint8_t *key)
{
    uint32_t v = ((uint32_t)seed[0] << 24) | ((uint32_t)seed[1] << 16) |
                 ((uint32_t)seed[2] << 8)  |  (uint32_t)seed[3];
    v = (v ^ SA_SECRET_MASK) * 0x41C64E6DUL + 0x3039UL;
    key[0] = (uint8_t)(v >> 24); key[1] = (uint8_t)(v >> 16);
    key[2] = (uint8_t)(v >> 8);  key[3] = (uint8_t)v;
}

void Dcm_SecAcc_Init(void)
{
    srand((unsigned)OsTick_GetMs());
    (void)NvM_ReadByte(NVM_ID_SA_ATTEMPTS, &s_attempts);
}

Dcm_NrcType Dcm_SecAcc_RequestSeed(Dcm_SessionType ses, uint8_t *seed_out)
{
    uint8_t i;
    (void)ses;
    if ((s_attempts >= SA_MAX_ATTEMPTS) &&
        ((OsTick_GetMs() - s_lock_t0) < SA_LOCKOUT_MS)) {
        return DCM_NRC_REQUIRED_TIME_DELAY_NOT_EXPIRED;
    }
    if (s_unlocked != 0U) {
        (void)memset(seed_out, 0, SA_SEED_LEN);      /* already unlocked: zero seed */
        return DCM_NRC_NONE;
    }
    for (i = 0U; i < SA_SEED_LEN; i++) {
        s_seed[i] = (uint8_t)(rand() & 0xFF);
    }
    s_seed_valid = 1U;
    (void)memcpy(seed_out, s_seed, SA_SEED_LEN);
    return DCM_NRC_NONE;
}

Dcm_NrcType Dcm_SecAcc_SendKey(const uint8_t *key, uint8_t len)
{
    uint8_t expected[SA_SEED_LEN];
    if (s_seed_valid == 0U) {
        return DCM_NRC_REQUEST_SEQUENCE_ERROR;
    }
    sa_calc_key(s_seed, expected);
    if (memcmp(key, expected, len) != 0) {
        s_attempts++;
        if (s_attempts >= SA_MAX_ATTEMPTS) {
            s_lock_t0 = OsTick_GetMs();
            (void)NvM_WriteByte(NVM_ID_SA_ATTEMPTS, s_attempts);
        }
        return DCM_NRC_INVALID_KEY;
    }
    s_attempts = 0U;
    s_unlocked = 1U;
    return DCM_NRC_NONE;
}
''')],
  reqs=['map each finding to the REQ-SEC ID it violates', 'rank findings by exploitability on the OBD port'],
  lang='c')

# why: gap classification is normally medium, but 8 units, 9 files and ASIL D justification review
# (fault-injection-only paths, unacceptable deviations) -> large multi-module context, complex
t('complex', 'coverage-analysis',
  'Unit-level structural coverage for the ESC brake-torque arbitration component (ASIL D, 8 files) from '
  'VectorCAST is attached, along with our deviations list. ISO 26262-6 wants MC/DC. For each remaining '
  'gap, tell me whether it is (a) a missing requirements-based test, (b) defensive code we can justify, '
  '(c) code only reachable under a hardware fault and therefore to be covered by fault injection, or '
  '(d) dead code that must be removed. Link each to the REQ-ESC ID. Also tell me if any existing '
  'justification in the deviations list is not acceptable.',
  files=[('cov/vcast_arb_summary.txt', '''
Unit                 Statement      Branch         MC/DC pairs
arb_main.c           212/214 99%    88/92  96%     41/46  89%
arb_request.c        140/140 100%   62/64  97%     30/32  94%
arb_limits.c          98/104 94%    40/46  87%     18/24  75%
arb_ramp.c            77/77  100%   30/30 100%     12/12 100%
arb_driver_prio.c     64/70  91%    28/34  82%     11/16  69%
arb_monitor.c        120/131 92%    54/62  87%     22/31  71%
arb_fallback.c        45/58  78%    16/24  67%      6/12  50%
arb_cfg.c             20/20 100%     4/4  100%      2/2  100%
'''), ('cov/arb_main_gaps.txt', '''
arb_main.c:118  if ((req_src == ARB_SRC_ADAS) && adas_e2e_ok && !driver_override)   pair for adas_e2e_ok missing
arb_main.c:161  if (arb_state == ARB_ST_INVALID)                                    TRUE never taken
arb_main.c:240  switch default                                                      never taken
'''), ('cov/arb_request_gaps.txt', '''
arb_request.c:77  (req_nm > ARB_MAX_NM) || (req_nm < -ARB_MAX_NM)                 second operand never TRUE
'''), ('cov/arb_limits_gaps.txt', '''
arb_limits.c:52   if (v_kph_x10 > 2500U)                                           TRUE never taken (speed saturates at 2500 in VSM)
arb_limits.c:64   (mu_est < MU_LOW) && (abs_active || esc_active)                  esc_active pair missing
arb_limits.c:91   if (limit_nm < 0)                                                TRUE never taken
'''), ('cov/arb_driver_prio_gaps.txt', '''
arb_driver_prio.c:33  (pedal_pct > DRV_OVR_PCT) && (pedal_rate > DRV_OVR_RATE)     pedal_rate pair missing
arb_driver_prio.c:48  if (epb_request && !standstill)                              TRUE never taken
arb_driver_prio.c:70  else if (hba_active)                                         never evaluated TRUE
'''), ('cov/arb_monitor_gaps.txt', '''
arb_monitor.c:40   if (crc_ram_shadow != Crc32_Calc(&arb_state_copy))              TRUE never taken (RAM corruption check)
arb_monitor.c:58   (exec_seq != ARB_SEQ_EXPECTED) || (deadline_miss)               neither TRUE
arb_monitor.c:97   if (out_nm != out_nm_shadow_inverted ^ 0xFFFFFFFFUL)            TRUE never taken
arb_monitor.c:130  if (mon_fail_cnt >= ARB_MON_CONFIRM)                            TRUE never taken
'''), ('cov/arb_fallback_gaps.txt', '''
arb_fallback.c:22  function Arb_Fallback_Enter never called
arb_fallback.c:41  if (fallback_reason == ARB_FB_MONITOR)                            never evaluated
arb_fallback.c:50  if (fallback_reason == ARB_FB_SENSOR)                             never evaluated
arb_fallback.c:66  ramp to 0 Nm within ARB_FB_RAMP_MS                               never executed
'''), ('docs/arb_coverage_deviations.csv', '''
id,location,justification,approved_by
CJ-ARB-01,arb_main.c:240,"default branch required by MISRA 16.4, unreachable with enum range check at entry",safety manager
CJ-ARB-02,arb_limits.c:52,"VSM saturates speed at 250.0 km/h, branch unreachable",team lead
CJ-ARB-03,arb_monitor.c:40,"RAM corruption cannot be provoked in unit test",team lead
CJ-ARB-04,arb_fallback.c:*,"fallback covered in HIL, not needed at unit level",team lead
'''), ('docs/arb_req_map.csv', '''
requirement,asil,functions
REQ-ESC-610,D,Arb_Main_Step
REQ-ESC-611,D,Arb_Request_Validate
REQ-ESC-612,D,Arb_Limits_Apply
REQ-ESC-613,C,Arb_DriverPrio_Resolve
REQ-ESC-614,D,Arb_Monitor_Check
REQ-ESC-615,D,Arb_Fallback_Enter;Arb_Fallback_Step
''')],
  lang='c', fw='vectorcast')

# why: a 30-line handler, but explaining the results needs 16-bit wraparound reasoning and a judgement
# on whether passing cases pass for the right reason -> medium, not simple
t('medium', 'defect-analysis',
  'Modbus conformance test on the pump controller fails for REQ-MB-016: a read of 10 registers starting '
  'at 0x00F8 (last register is 0x00FF) must return exception 02 (illegal data address), we return 03. '
  'Register handler and the test output attached.',
  files=[('src/mb/mb_read_hold.c', r'''
/* mb_read_hold.c - FC 0x03 handler, pump controller register map 0x0000..0x00FF */
#include <stdint.h>
#include "mb_regs.h"
#include "mb_read_hold.h"

#define MB_REG_COUNT    (0x0100U)
#define MB_MAX_QTY      (125U)

static uint16_t mb_get_reg(uint16_t addr)
{
    if (addr < MB_REG_PUMP_BASE) {
        return Pump_GetStatusReg(addr);
    }
    return Pump_GetParamReg((uint16_t)(addr - MB_REG_PUMP_BASE));
}

uint8_t Mb_ReadHolding(uint16_t start, uint16_t qty, uint8_t *rsp, uint16_t *rsp_len)
{
    uint16_t i;
    uint16_t end = (uint16_t)(start + qty);

    if ((qty == 0U) || (qty > MB_MAX_QTY) || (end > MB_REG_COUNT)) {
        return MB_EXC_ILLEGAL_DATA_VALUE;           /* 03 */
    }
    if (start >= MB_REG_COUNT) {
        return MB_EXC_ILLEGAL_DATA_ADDRESS;         /* 02 */
    }
    rsp[0] = (uint8_t)(qty * 2U);
    for (i = 0U; i < qty; i++) {
        uint16_t v = mb_get_reg((uint16_t)(start + i));
        rsp[1U + (2U * i)] = (uint8_t)(v >> 8);
        rsp[2U + (2U * i)] = (uint8_t)v;
    }
    *rsp_len = (uint16_t)(1U + (qty * 2U));
    return MB_EXC_NONE;
}
'''), ('test/conformance/mb_conf_results.txt', '''
MB-CONF-03-01  read 1 reg @0x0000                  -> OK      PASS
MB-CONF-03-02  read 125 regs @0x0000               -> OK      PASS
MB-CONF-03-03  read 126 regs @0x0000               -> exc 03  PASS
MB-CONF-03-04  read 0 regs @0x0000                 -> exc 03  PASS
MB-CONF-03-05  read 10 regs @0x00F8 (REQ-MB-016)   -> exc 03  FAIL expected exc 02
MB-CONF-03-06  read 1 reg @0x0100  (REQ-MB-016)    -> exc 03  FAIL expected exc 02
MB-CONF-03-07  read 1 reg @0xFFFF  (REQ-MB-016)    -> exc 02  PASS
MB-CONF-03-08  read 2 regs @0xFFFF (REQ-MB-016)    -> exc 02  PASS
''')],
  reqs=['explain both failing cases and whether the two 0xFFFF cases pass for the right reason',
        'propose the fixed check order'],
  lang='c')

# why: 80 rows, but the ask is only counting verdicts per requirement and listing FAIL IDs -> mechanical, simple
t('simple', 'test-execution',
  'Export of last night\'s HIL regression for the EPS ECU (rig HIL-EPS-02) is below. Give me pass / fail / '
  'blocked counts per REQ-EPS ID and the list of failed test case IDs so I can paste it into the test report.',
  files=[('hil/eps_nightly_export.csv',
          'testcase;requirement;verdict;duration_s;rig;sw\n' + lines(80, _eps_row))],
  lang=None, fw='pytest')

t('medium', 'flaky-test-analysis',
  'Since CI started running GoogleTest with --gtest_shuffle, DebounceTest.ConfirmsAfterFiveSamples '
  '(REQ-IO-052) fails in maybe 30 % of pipelines but never on my machine. Test file, class and two CI '
  'logs attached.',
  files=[('src/io/debounce.hpp', r'''
// debounce.hpp - digital input debounce, REQ-IO-050..053
#pragma once
#include <cstdint>

namespace io {

class Debounce {
public:
    static constexpr std::uint8_t kConfirm = 5U;

    explicit Debounce(std::uint8_t channel) : channel_(channel) {}

    bool Step(bool raw)
    {
        if (raw == candidate_[channel_]) {
            if (count_[channel_] < kConfirm) {
                ++count_[channel_];
            }
        } else {
            candidate_[channel_] = raw;
            count_[channel_] = 1U;
        }
        if (count_[channel_] >= kConfirm) {
            stable_[channel_] = candidate_[channel_];
        }
        return stable_[channel_];
    }

private:
    std::uint8_t channel_;
    static bool candidate_[8];
    static std::uint8_t count_[8];
    static bool stable_[8];
};

}  // namespace io
'''), ('test/io/debounce_test.cpp', r'''
#include <gtest/gtest.h>
#include "debounce.hpp"

using io::Debounce;

TEST(DebounceTest, ConfirmsAfterFiveSamples)            // REQ-IO-052
{
    Debounce d(2U);
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(d.Step(true)) << "sample " << i;
    }
    EXPECT_TRUE(d.Step(true));
}

TEST(DebounceTest, GlitchResetsCounter)                 // REQ-IO-051
{
    Debounce d(2U);
    for (int i = 0; i < 3; ++i) { (void)d.Step(true); }
    (void)d.Step(false);
    for (int i = 0; i < 4; ++i) { EXPECT_FALSE(d.Step(true)); }
}

TEST(DebounceTest, ChannelsIndependent)                 // REQ-IO-053
{
    Debounce a(0U);
    Debounce b(1U);
    for (int i = 0; i < 5; ++i) { (void)a.Step(true); }
    EXPECT_FALSE(b.Step(false));
}
'''), ('ci/run_4711.log', '''
Note: Randomizing tests' orders with a seed of 20931 .
[ RUN      ] DebounceTest.ChannelsIndependent
[       OK ] DebounceTest.ChannelsIndependent (0 ms)
[ RUN      ] DebounceTest.ConfirmsAfterFiveSamples
[       OK ] DebounceTest.ConfirmsAfterFiveSamples (0 ms)
[ RUN      ] DebounceTest.GlitchResetsCounter
[       OK ] DebounceTest.GlitchResetsCounter (0 ms)
[  PASSED  ] 3 tests.
'''), ('ci/run_4714.log', '''
Note: Randomizing tests' orders with a seed of 5518 .
[ RUN      ] DebounceTest.GlitchResetsCounter
[       OK ] DebounceTest.GlitchResetsCounter (0 ms)
[ RUN      ] DebounceTest.ConfirmsAfterFiveSamples
test/io/debounce_test.cpp:10: Failure
Value of: d.Step(true)
  Actual: true
Expected: false
sample 0
[  FAILED  ] DebounceTest.ConfirmsAfterFiveSamples (0 ms)
[ RUN      ] DebounceTest.ChannelsIndependent
[       OK ] DebounceTest.ChannelsIndependent (0 ms)
[  FAILED  ] 1 test.
''')],
  lang='cpp', fw='googletest')
