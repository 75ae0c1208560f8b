//! The forms' words, in English and Korean: each field's label and one-line help, keyed by
//! `kind.field` (a field whose meaning depends on the resource) or `field`, and the human
//! names of the plan format's enumerations (storage classes, volume types, purchase options).

use crate::ui::i18n::Lang;

/// (key, English label, English help, Korean label, Korean help).
type Entry = (&'static str, &'static str, &'static str, &'static str, &'static str);

const FIELDS: &[Entry] = &[
    // Plan settings
    ("plan.name", "Plan name", "Shown in the title bar, reports and file names.", "계획 이름", "제목 표시줄, 보고서, 파일 이름에 표시."),
    ("plan.description", "Description", "What the plan is for (optional).", "설명", "계획의 목적(선택)."),
    ("plan.default_region", "Default region", "Region of every item that names none; remembered for File ▸ New.", "기본 리전", "리전을 지정하지 않은 항목의 리전. 파일 ▸ 새로 만들기에 기억됨."),
    ("plan.start_month", "Start month", "First month of the plan (YYYY-MM): forecasts, commitments and simulations start here.", "시작 월", "계획의 첫 달(YYYY-MM): 예측·약정·시뮬레이션의 시작."),
    ("plan.horizon_months", "Horizon", "Months the plan covers (1 to 60).", "기간", "계획이 다루는 개월 수(1~60)."),
    ("plan.free_tier", "AWS Free Tier", "Subtract the AWS Free Tier allowances (new accounts).", "AWS 프리 티어", "AWS 프리 티어 허용량 차감(신규 계정)."),
    ("plan.tier_mode", "Tiered prices", "Aggregate: tiers apply to the region's total, as AWS bills an account. Per item: each item alone, as the Pricing Calculator shows.", "계층 요금", "합산: AWS 청구처럼 리전 합계에 계층 적용. 항목별: 요금 계산기처럼 항목마다."),
    // Every item
    ("id", "Id", "Stable identifier, unique in the plan (used by growth drivers and reports).", "ID", "계획 안에서 고유한 식별자(성장 요인과 보고서가 사용)."),
    ("name", "Name", "What this line is, as shown in the grid and the estimate.", "이름", "그리드와 견적에 표시되는 항목 이름."),
    ("group", "Group", "The plan group this item's cost is subtotalled in.", "그룹", "이 항목의 비용이 소계되는 계획 그룹."),
    ("region", "Region", "AWS Region the resource runs in (the plan's default when not set).", "리전", "리소스가 실행되는 AWS 리전(없으면 계획의 기본 리전)."),
    ("tags", "Tags", "Cost-allocation tags: key=value, separated by commas.", "태그", "비용 할당 태그: key=value, 쉼표로 구분."),
    // EC2
    ("instance_type", "Instance type", "EC2 instance type (Linux, shared tenancy), e.g. m7g.large.", "인스턴스 유형", "EC2 인스턴스 유형(Linux, 공유 테넌시), 예: m7g.large."),
    ("ec2.count", "Instances", "Number of identical instances (constant usage).", "인스턴스 수", "동일한 인스턴스 수(일정한 사용량)."),
    ("usage", "Usage pattern", "How the fleet runs over a month, as the AWS Pricing Calculator models it.", "사용 패턴", "AWS 요금 계산기처럼 한 달 동안 플릿이 실행되는 방식."),
    ("usage.hours_per_month", "Hours per month", "Hours each instance runs in a month (730 = always on).", "월 사용 시간", "인스턴스당 월 실행 시간(730 = 항상 켜짐)."),
    ("usage.baseline", "Baseline instances", "Instances running all the time.", "기본 인스턴스", "항상 실행되는 인스턴스 수."),
    ("usage.peak", "Peak instances", "Instances running during a spike (at least the baseline).", "피크 인스턴스", "스파이크 동안 실행되는 인스턴스 수(기본 이상)."),
    ("usage.peak_hours", "Peak hours per day", "Hours of each spike day at peak (at most 24).", "일일 피크 시간", "스파이크 날의 피크 시간(최대 24)."),
    ("usage.days", "Spike days", "Weekly spikes: the days of the week with a spike.", "스파이크 요일", "주간 스파이크: 스파이크가 있는 요일."),
    ("usage.days_per_month", "Spike days per month", "Monthly spikes: days per month with a spike (at most 30.4).", "월 스파이크 일수", "월간 스파이크: 한 달 중 스파이크 일수(최대 30.4)."),
    ("purchase", "Purchase option", "How the capacity is bought: On-Demand, Spot, Reserved Instances or a Savings Plan.", "구매 옵션", "용량 구매 방식: 온디맨드, 스팟, 예약 인스턴스 또는 Savings Plan."),
    ("purchase.class", "Offering class", "Standard (largest discount) or Convertible (can change instance family).", "제공 클래스", "표준(최대 할인) 또는 전환형(인스턴스 패밀리 변경 가능)."),
    ("purchase.plan", "Savings Plan type", "Compute (any family, region, Fargate, Lambda) or EC2 Instance (one family in one region).", "Savings Plan 유형", "Compute(모든 패밀리·리전·Fargate·Lambda) 또는 EC2 Instance(한 리전의 한 패밀리)."),
    ("purchase.term", "Term", "Length of the commitment.", "기간", "약정 기간."),
    ("purchase.payment", "Payment option", "How much is paid upfront.", "결제 옵션", "선결제 금액 방식."),
    ("usage.period", "Spike period", "How often the spike comes.", "스파이크 주기", "스파이크 빈도."),
    // EBS
    ("volume_type", "Volume type", "EBS volume type.", "볼륨 유형", "EBS 볼륨 유형."),
    ("size_gb", "Size per volume", "Provisioned size of each volume.", "볼륨당 크기", "각 볼륨의 프로비저닝 크기."),
    ("volume_count", "Volumes", "Number of identical volumes.", "볼륨 수", "동일한 볼륨 수."),
    ("ebs.iops", "IOPS per volume", "Provisioned IOPS per volume (gp3: total including the 3,000 free; io1/io2).", "볼륨당 IOPS", "볼륨당 프로비저닝 IOPS(gp3: 무료 3,000 포함 합계; io1/io2)."),
    ("ebs.throughput_mibps", "Throughput per volume", "gp3 only: total including the 125 MiB/s free.", "볼륨당 처리량", "gp3 전용: 무료 125 MiB/s 포함 합계."),
    ("snapshot_gb", "Snapshot storage", "EBS snapshot storage (standard tier), in total.", "스냅샷 스토리지", "EBS 스냅샷 스토리지(표준 계층) 합계."),
    // S3
    ("s3.storage_class", "Storage class", "S3 storage class of this data.", "스토리지 클래스", "이 데이터의 S3 스토리지 클래스."),
    ("s3.storage_gb", "Storage", "Average data stored over the month.", "스토리지", "한 달 평균 저장 데이터."),
    ("object_count", "Objects", "Number of objects stored (minimum object size, monitoring fees).", "객체 수", "저장된 객체 수(최소 객체 크기, 모니터링 요금)."),
    ("avg_object_kb", "Average object size", "Average object size (instead of the object count).", "평균 객체 크기", "평균 객체 크기(객체 수 대신)."),
    ("put_requests", "PUT, COPY, POST, LIST requests", "Write-type requests per month.", "PUT·COPY·POST·LIST 요청", "월 쓰기 유형 요청 수."),
    ("get_requests", "GET, SELECT and other requests", "Read-type requests per month.", "GET·SELECT 등 요청", "월 읽기 유형 요청 수."),
    ("lifecycle_transitions", "Lifecycle transitions", "Objects moved into this class by lifecycle rules per month.", "수명 주기 전환", "월 수명 주기 규칙으로 이 클래스로 옮겨지는 객체 수."),
    ("retrieval_gb", "Data retrieved", "Data retrieved per month (classes with retrieval fees).", "데이터 검색", "월 검색 데이터(검색 요금이 있는 클래스)."),
    ("retrieval_tier", "Retrieval speed", "Glacier Flexible Retrieval / Deep Archive retrieval tier.", "검색 속도", "Glacier Flexible Retrieval / Deep Archive 검색 계층."),
    ("retention_days", "Retention", "Days objects are kept (minimum storage duration applies).", "보존 기간", "객체 보관 일수(최소 저장 기간 적용)."),
    ("intelligent_tiering.infrequent_pct", "Infrequent Access tier", "Intelligent-Tiering: share of data in Infrequent Access.", "Infrequent Access 계층", "Intelligent-Tiering: Infrequent Access 비율."),
    ("intelligent_tiering.archive_instant_pct", "Archive Instant tier", "Intelligent-Tiering: share in Archive Instant Access.", "Archive Instant 계층", "Intelligent-Tiering: Archive Instant Access 비율."),
    ("intelligent_tiering.archive_pct", "Archive Access tier", "Intelligent-Tiering: share in the optional Archive Access tier.", "Archive Access 계층", "Intelligent-Tiering: 선택적 Archive Access 비율."),
    ("intelligent_tiering.deep_archive_pct", "Deep Archive Access tier", "Intelligent-Tiering: share in Deep Archive Access.", "Deep Archive Access 계층", "Intelligent-Tiering: Deep Archive Access 비율."),
    // EFS
    ("efs.storage_class", "Storage class", "Regional (Standard) or One Zone file system.", "스토리지 클래스", "리전(Standard) 또는 One Zone 파일 시스템."),
    ("storage_gb", "Storage", "Data stored, average over the month.", "스토리지", "월 평균 저장 데이터."),
    ("infrequent_pct", "Infrequent Access share", "Share of data in the IA tier.", "IA 비율", "IA 계층의 데이터 비율."),
    ("archive_pct", "Archive share", "Share of data in the Archive tier (Regional only).", "Archive 비율", "Archive 계층의 데이터 비율(리전 전용)."),
    ("read_gb", "Data read", "Elastic throughput: data read per month.", "읽은 데이터", "Elastic 처리량: 월 읽기 데이터."),
    ("write_gb", "Data written", "Elastic throughput: data written per month.", "쓴 데이터", "Elastic 처리량: 월 쓰기 데이터."),
    ("provisioned_mibps", "Provisioned throughput", "Provisioned throughput mode.", "프로비저닝 처리량", "프로비저닝 처리량 모드."),
    // Data transfer
    ("internet_out_gb", "Out to the internet", "Data sent from the region to the internet per month.", "인터넷으로 송신", "월 리전에서 인터넷으로 보내는 데이터."),
    ("internet_in_gb", "In from the internet", "Data received from the internet per month (free).", "인터넷에서 수신", "월 인터넷에서 받는 데이터(무료)."),
    ("inter_az_gb", "Between Availability Zones", "Data crossing AZs, counted once per direction as billed.", "가용 영역 간", "가용 영역 간 데이터, 방향마다 청구."),
    ("inter_region_gb", "To other regions", "Data sent to other regions, per destination.", "다른 리전으로", "다른 리전으로 보내는 데이터, 목적지별."),
    // Lambda
    ("requests_per_month", "Requests", "Invocations per month.", "요청 수", "월 호출 수."),
    ("duration_ms", "Duration", "Average duration of one invocation.", "실행 시간", "호출 1회 평균 실행 시간."),
    ("memory_mb", "Memory", "Memory allocated to the function (128 MB to 10,240 MB).", "메모리", "함수에 할당된 메모리(128~10,240 MB)."),
    ("architecture", "Architecture", "x86_64 or Arm (Graviton).", "아키텍처", "x86_64 또는 Arm(Graviton)."),
    ("ephemeral_storage_mb", "Ephemeral storage", "/tmp storage (512 MB included).", "임시 스토리지", "/tmp 스토리지(512 MB 포함)."),
    // RDS
    ("engine", "Engine", "Database engine.", "엔진", "데이터베이스 엔진."),
    ("instance_class", "Instance class", "DB instance class, e.g. db.m7g.large.", "인스턴스 클래스", "DB 인스턴스 클래스, 예: db.m7g.large."),
    ("multi_az", "Multi-AZ", "A standby in a second Availability Zone (twice the instance and storage).", "다중 AZ", "두 번째 가용 영역의 대기 인스턴스(인스턴스·스토리지 2배)."),
    ("rds.count", "Instances", "Number of identical DB instances.", "인스턴스 수", "동일한 DB 인스턴스 수."),
    ("hours_per_month", "Hours per month", "Hours running in a month (730 = always on).", "월 사용 시간", "월 실행 시간(730 = 항상 켜짐)."),
    ("storage_type", "Storage type", "RDS storage type.", "스토리지 유형", "RDS 스토리지 유형."),
    ("rds.storage_gb", "Allocated storage", "Storage allocated per instance.", "할당 스토리지", "인스턴스당 할당 스토리지."),
    ("iops", "Provisioned IOPS", "Provisioned IOPS (io1/io2; gp3 above its baseline).", "프로비저닝 IOPS", "프로비저닝 IOPS(io1/io2; gp3는 기본 초과분)."),
    ("throughput_mibps", "Throughput", "gp3 throughput above its baseline.", "처리량", "gp3 기본 초과 처리량."),
    ("backup_gb", "Backup storage", "Backup storage beyond the free allowance (equal to storage).", "백업 스토리지", "무료 허용량(스토리지 크기)을 넘는 백업 스토리지."),
    // DynamoDB
    ("mode", "Capacity mode", "On-demand (pay per request) or provisioned capacity.", "용량 모드", "온디맨드(요청당 과금) 또는 프로비저닝 용량."),
    ("table_class", "Table class", "Standard or Standard-Infrequent Access.", "테이블 클래스", "Standard 또는 Standard-IA."),
    ("write_request_units", "Write request units", "On-demand: write request units per month.", "쓰기 요청 단위", "온디맨드: 월 쓰기 요청 단위."),
    ("read_request_units", "Read request units", "On-demand: read request units per month.", "읽기 요청 단위", "온디맨드: 월 읽기 요청 단위."),
    ("write_capacity_units", "Write capacity units", "Provisioned: WCUs held all month.", "쓰기 용량 단위", "프로비저닝: 한 달 내내 유지하는 WCU."),
    ("read_capacity_units", "Read capacity units", "Provisioned: RCUs held all month.", "읽기 용량 단위", "프로비저닝: 한 달 내내 유지하는 RCU."),
    ("dynamodb.storage_gb", "Table storage", "Data stored in the table.", "테이블 스토리지", "테이블에 저장된 데이터."),
    // NAT, load balancers, IPv4
    ("nat_gateway.count", "NAT gateways", "Number of NAT gateways.", "NAT 게이트웨이 수", "NAT 게이트웨이 수."),
    ("data_processed_gb", "Data processed", "Data processed by all the gateways per month.", "처리 데이터", "모든 게이트웨이가 처리하는 월 데이터."),
    ("lb_type", "Load balancer type", "Application (ALB) or Network (NLB) Load Balancer.", "로드 밸런서 유형", "Application(ALB) 또는 Network(NLB) 로드 밸런서."),
    ("load_balancer.count", "Load balancers", "Number of load balancers.", "로드 밸런서 수", "로드 밸런서 수."),
    ("processed_gb", "Data processed", "Data processed per month, all load balancers together.", "처리 데이터", "모든 로드 밸런서의 월 처리 데이터."),
    ("new_connections_per_sec", "New connections", "Average new connections (ALB) or flows (NLB) per second, per LB.", "새 연결", "LB당 초당 평균 새 연결(ALB) 또는 흐름(NLB)."),
    ("active_connections", "Active connections", "Average active connections (per minute), per LB.", "활성 연결", "LB당 평균 활성 연결(분당)."),
    ("rule_evaluations_per_sec", "Rule evaluations", "ALB: rule evaluations per second, per LB.", "규칙 평가", "ALB: LB당 초당 규칙 평가 수."),
    ("in_use", "In-use addresses", "Public IPv4 addresses attached to running resources.", "사용 중 주소", "실행 중인 리소스에 연결된 퍼블릭 IPv4 주소."),
    ("idle", "Idle addresses", "Elastic IPs allocated but not attached.", "유휴 주소", "할당되었지만 연결되지 않은 탄력적 IP."),
    // Custom
    ("monthly_usd", "Monthly", "Fixed monthly amount (support plan, licence …).", "월 금액", "고정 월 금액(지원 플랜, 라이선스 등)."),
    ("upfront_usd", "Upfront", "One-time amount.", "선결제", "일회성 금액."),
    ("note", "Source", "Where the figure comes from (quote, invoice …).", "출처", "금액의 출처(견적, 청구서 등)."),
    ("count", "Count", "Number of identical resources.", "개수", "동일한 리소스 수."),
];

/// The label and one-line help of `field` of a resource of `kind` (its JSON `kind`).
pub fn field(lang: Lang, kind: &str, field: &str) -> (&'static str, &'static str) {
    let specific = format!("{kind}.{field}");
    let e = FIELDS
        .iter()
        .find(|e| e.0 == specific)
        .or_else(|| FIELDS.iter().find(|e| e.0 == field));
    match (e, lang) {
        (Some(e), Lang::English) => (e.1, e.2),
        (Some(e), Lang::Korean) => (e.3, e.4),
        (None, _) => ("", ""),
    }
}

/// Human names of the S3 storage classes (`catalog::vocab::s3::CLASSES`).
pub fn s3_class(key: &str) -> &'static str {
    match key {
        "standard" => "S3 Standard",
        "intelligent_tiering" => "S3 Intelligent-Tiering",
        "standard_ia" => "S3 Standard-Infrequent Access",
        "onezone_ia" => "S3 One Zone-Infrequent Access",
        "glacier_ir" => "S3 Glacier Instant Retrieval",
        "glacier_flexible" => "S3 Glacier Flexible Retrieval",
        "deep_archive" => "S3 Glacier Deep Archive",
        _ => "",
    }
}

/// Korean or English words used by the forms outside field labels.
pub struct Words {
    pub on_demand: &'static str,
    pub spot: &'static str,
    pub reserved: &'static str,
    pub savings_plan: &'static str,
    pub standard: &'static str,
    pub convertible: &'static str,
    pub compute_sp: &'static str,
    pub ec2_instance_sp: &'static str,
    pub one_year: &'static str,
    pub three_years: &'static str,
    pub constant: &'static str,
    pub daily_spike: &'static str,
    pub weekly_spike: &'static str,
    pub monthly_spike: &'static str,
    pub preview: &'static str,
    pub instance_hours: &'static str,
    pub not_set: &'static str,
    pub add_destination: &'static str,
    pub remove: &'static str,
    pub rejected: &'static str,
    pub requests: &'static str,
    pub objects: &'static str,
    pub instances: &'static str,
    pub yes: &'static str,
    pub open_scaling: &'static str,
    pub scaling_summary: &'static str,
    pub none: &'static str,
    pub plan_settings: &'static str,
    pub tier_aggregate: &'static str,
    pub tier_per_item: &'static str,
    pub months: &'static str,
    pub add_group: &'static str,
    pub new_group_name: &'static str,
    pub rename: &'static str,
    pub delete_group: &'static str,
    pub items_move_to: &'static str,
    pub ungrouped: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub nest_in: &'static str,
    pub top_level: &'static str,
    pub description: &'static str,
    pub delete_parameter: &'static str,
    pub cancel: &'static str,
    pub confirm_delete: &'static str,
    pub parameter_name: &'static str,
    pub manage: &'static str,
    pub plan_default: &'static str,
}

const EN: Words = Words {
    on_demand: "On-Demand",
    spot: "Spot",
    reserved: "Reserved Instances",
    savings_plan: "Savings Plan",
    standard: "Standard",
    convertible: "Convertible",
    compute_sp: "Compute Savings Plan",
    ec2_instance_sp: "EC2 Instance Savings Plan",
    one_year: "1 year",
    three_years: "3 years",
    constant: "Constant usage",
    daily_spike: "Daily spike",
    weekly_spike: "Weekly spike",
    monthly_spike: "Monthly spike",
    preview: "Per month",
    instance_hours: "instance-hours",
    not_set: "(not set)",
    add_destination: "Add destination",
    remove: "Remove",
    rejected: "Not applied",
    requests: "requests",
    objects: "objects",
    instances: "instances",
    yes: "Yes",
    open_scaling: "Edit in the Scaling tab",
    scaling_summary: "Auto Scaling group: instance types, capacity, demand, policies and scheduled actions are edited in the Scaling tab.",
    none: "None",
    plan_settings: "Plan settings",
    tier_aggregate: "Aggregate per region (as AWS bills)",
    tier_per_item: "Per item (as the Pricing Calculator shows)",
    months: "months",
    add_group: "Add group",
    new_group_name: "New group name",
    rename: "Rename",
    delete_group: "Delete group",
    items_move_to: "Move its items to",
    ungrouped: "No group",
    move_up: "Move up",
    move_down: "Move down",
    nest_in: "Nested in",
    top_level: "(top level)",
    description: "Description",
    delete_parameter: "Delete parameter",
    cancel: "Cancel",
    confirm_delete: "Delete",
    parameter_name: "Name",
    manage: "Edit",
    plan_default: "Plan default",
};

const KO: Words = Words {
    on_demand: "온디맨드",
    spot: "스팟",
    reserved: "예약 인스턴스",
    savings_plan: "Savings Plan",
    standard: "표준",
    convertible: "전환형",
    compute_sp: "Compute Savings Plan",
    ec2_instance_sp: "EC2 Instance Savings Plan",
    one_year: "1년",
    three_years: "3년",
    constant: "일정한 사용량",
    daily_spike: "일간 스파이크",
    weekly_spike: "주간 스파이크",
    monthly_spike: "월간 스파이크",
    preview: "월간",
    instance_hours: "인스턴스 시간",
    not_set: "(설정 안 됨)",
    add_destination: "목적지 추가",
    remove: "삭제",
    rejected: "적용 안 됨",
    requests: "요청",
    objects: "객체",
    instances: "인스턴스",
    yes: "예",
    open_scaling: "스케일링 탭에서 편집",
    scaling_summary: "Auto Scaling 그룹: 인스턴스 유형, 용량, 수요, 정책, 예약 작업은 스케일링 탭에서 편집합니다.",
    none: "없음",
    plan_settings: "계획 설정",
    tier_aggregate: "리전별 합산(AWS 청구 방식)",
    tier_per_item: "항목별(요금 계산기 방식)",
    months: "개월",
    add_group: "그룹 추가",
    new_group_name: "새 그룹 이름",
    rename: "이름 바꾸기",
    delete_group: "그룹 삭제",
    items_move_to: "항목 이동 대상",
    ungrouped: "그룹 없음",
    move_up: "위로",
    move_down: "아래로",
    nest_in: "상위 그룹",
    top_level: "(최상위)",
    description: "설명",
    delete_parameter: "매개변수 삭제",
    cancel: "취소",
    confirm_delete: "삭제",
    parameter_name: "이름",
    manage: "편집",
    plan_default: "계획 기본값",
};

/// The forms' words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::English => &EN,
        Lang::Korean => &KO,
    }
}

/// Human name of a payment option in `lang`.
pub fn payment(lang: Lang, p: crate::catalog::Payment) -> &'static str {
    use crate::catalog::Payment;
    match (lang, p) {
        (Lang::Korean, Payment::NoUpfront) => "선결제 없음",
        (Lang::Korean, Payment::PartialUpfront) => "부분 선결제",
        (Lang::Korean, Payment::AllUpfront) => "전체 선결제",
        (Lang::English, p) => p.display_name(),
    }
}
