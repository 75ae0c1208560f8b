//! The forms' words, in English and Korean: each field's label and one-line help, keyed by
//! `kind.field` (a field whose meaning depends on the resource) or `field`, and the human
//! names of the plan format's enumerations (storage classes, volume types, purchase options).

use crate::ui::i18n::Lang;

/// (key, English label, English help, Korean label, Korean help).
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const FIELDS: &[Entry] = &[
    // Plan settings
    (
        "plan.name",
        "Plan name",
        "Shown in the title bar, reports and file names.",
        "계획 이름",
        "제목 표시줄, 보고서, 파일 이름에 표시.",
    ),
    (
        "plan.description",
        "Description",
        "What the plan is for (optional).",
        "설명",
        "계획의 목적(선택).",
    ),
    (
        "plan.default_region",
        "Default region",
        "Region of every item that names none; remembered for File › New.",
        "기본 리전",
        "리전을 지정하지 않은 항목의 리전. 파일 › 새로 만들기에 기억됨.",
    ),
    (
        "plan.start_month",
        "Start month",
        "First month of the plan (YYYY-MM): forecasts, commitments and simulations start here.",
        "시작 월",
        "계획의 첫 달(YYYY-MM): 예측·약정·시뮬레이션의 시작.",
    ),
    (
        "plan.horizon_months",
        "Horizon",
        "Months the plan covers (1 to 60).",
        "기간",
        "계획이 다루는 개월 수(1~60).",
    ),
    (
        "plan.free_tier",
        "AWS Free Tier",
        "Subtract the AWS Free Tier allowances (new accounts).",
        "AWS 프리 티어",
        "AWS 프리 티어 허용량 차감(신규 계정).",
    ),
    (
        "plan.tier_mode",
        "Tiered prices",
        "Aggregate: tiers apply to the region's total, as AWS bills an account. Per item: each item alone, as the Pricing Calculator shows.",
        "계층 요금",
        "합산: AWS 청구처럼 리전 합계에 계층 적용. 항목별: 요금 계산기처럼 항목마다.",
    ),
    // Every item
    (
        "id",
        "Id",
        "Stable identifier, unique in the plan (used by growth drivers and reports).",
        "ID",
        "계획 안에서 고유한 식별자(성장 요인과 보고서가 사용).",
    ),
    (
        "name",
        "Name",
        "What this line is, as shown in the grid and the estimate.",
        "이름",
        "그리드와 견적에 표시되는 항목 이름.",
    ),
    (
        "group",
        "Group",
        "The plan group this item's cost is subtotalled in.",
        "그룹",
        "이 항목의 비용이 소계되는 계획 그룹.",
    ),
    (
        "region",
        "Region",
        "AWS Region the resource runs in (the plan's default when not set).",
        "리전",
        "리소스가 실행되는 AWS 리전(없으면 계획의 기본 리전).",
    ),
    (
        "tags",
        "Tags",
        "Cost-allocation tags: key=value, separated by commas.",
        "태그",
        "비용 할당 태그: key=value, 쉼표로 구분.",
    ),
    // EC2
    (
        "instance_type",
        "Instance type",
        "EC2 instance type (Linux, shared tenancy), e.g. m7g.large.",
        "인스턴스 유형",
        "EC2 인스턴스 유형(Linux, 공유 테넌시), 예: m7g.large.",
    ),
    (
        "ec2.count",
        "Instances",
        "Number of identical instances (constant usage).",
        "인스턴스 수",
        "동일한 인스턴스 수(일정한 사용량).",
    ),
    (
        "usage",
        "Usage pattern",
        "How the fleet runs over a month, as the AWS Pricing Calculator models it.",
        "사용 패턴",
        "AWS 요금 계산기처럼 한 달 동안 플릿이 실행되는 방식.",
    ),
    (
        "usage.hours_per_month",
        "Hours per month",
        "Hours each instance runs in a month (730 = always on).",
        "월 사용 시간",
        "인스턴스당 월 실행 시간(730 = 항상 켜짐).",
    ),
    (
        "usage.baseline",
        "Baseline instances",
        "Instances running all the time.",
        "기본 인스턴스",
        "항상 실행되는 인스턴스 수.",
    ),
    (
        "usage.peak",
        "Peak instances",
        "Instances running during a spike (at least the baseline).",
        "피크 인스턴스",
        "스파이크 동안 실행되는 인스턴스 수(기본 이상).",
    ),
    (
        "usage.peak_hours",
        "Peak hours per day",
        "Hours of each spike day at peak (at most 24).",
        "일일 피크 시간",
        "스파이크 날의 피크 시간(최대 24).",
    ),
    (
        "usage.days",
        "Spike days",
        "Weekly spikes: the days of the week with a spike.",
        "스파이크 요일",
        "주간 스파이크: 스파이크가 있는 요일.",
    ),
    (
        "usage.days_per_month",
        "Spike days per month",
        "Monthly spikes: days per month with a spike (at most 30.4).",
        "월 스파이크 일수",
        "월간 스파이크: 한 달 중 스파이크 일수(최대 30.4).",
    ),
    (
        "purchase",
        "Purchase option",
        "How the capacity is bought: On-Demand, Spot, Reserved Instances or a Savings Plan.",
        "구매 옵션",
        "용량 구매 방식: 온디맨드, 스팟, 예약 인스턴스 또는 Savings Plan.",
    ),
    (
        "purchase.class",
        "Offering class",
        "Standard (largest discount) or Convertible (can change instance family).",
        "제공 클래스",
        "표준(최대 할인) 또는 전환형(인스턴스 패밀리 변경 가능).",
    ),
    (
        "purchase.plan",
        "Savings Plan type",
        "Compute (any family, region, Fargate, Lambda) or EC2 Instance (one family in one region).",
        "Savings Plan 유형",
        "Compute(모든 패밀리·리전·Fargate·Lambda) 또는 EC2 Instance(한 리전의 한 패밀리).",
    ),
    (
        "purchase.term",
        "Term",
        "Length of the commitment.",
        "기간",
        "약정 기간.",
    ),
    (
        "purchase.payment",
        "Payment option",
        "How much is paid upfront.",
        "결제 옵션",
        "선결제 금액 방식.",
    ),
    (
        "usage.period",
        "Spike period",
        "How often the spike comes.",
        "스파이크 주기",
        "스파이크 빈도.",
    ),
    // EBS
    (
        "volume_type",
        "Volume type",
        "EBS volume type.",
        "볼륨 유형",
        "EBS 볼륨 유형.",
    ),
    (
        "size_gb",
        "Size per volume",
        "Provisioned size of each volume.",
        "볼륨당 크기",
        "각 볼륨의 프로비저닝 크기.",
    ),
    (
        "volume_count",
        "Volumes",
        "Number of identical volumes.",
        "볼륨 수",
        "동일한 볼륨 수.",
    ),
    (
        "ebs.iops",
        "IOPS per volume",
        "Provisioned IOPS per volume (gp3: total including the 3,000 free; io1/io2).",
        "볼륨당 IOPS",
        "볼륨당 프로비저닝 IOPS(gp3: 무료 3,000 포함 합계; io1/io2).",
    ),
    (
        "ebs.throughput_mibps",
        "Throughput per volume",
        "gp3 only: total including the 125 MiB/s free.",
        "볼륨당 처리량",
        "gp3 전용: 무료 125 MiB/s 포함 합계.",
    ),
    (
        "snapshot_gb",
        "Snapshot storage",
        "EBS snapshot storage (standard tier), in total.",
        "스냅샷 스토리지",
        "EBS 스냅샷 스토리지(표준 계층) 합계.",
    ),
    // S3
    (
        "s3.storage_class",
        "Storage class",
        "S3 storage class of this data.",
        "스토리지 클래스",
        "이 데이터의 S3 스토리지 클래스.",
    ),
    (
        "s3.storage_gb",
        "Storage",
        "Average data stored over the month.",
        "스토리지",
        "한 달 평균 저장 데이터.",
    ),
    (
        "object_count",
        "Objects",
        "Number of objects stored (minimum object size, monitoring fees).",
        "객체 수",
        "저장된 객체 수(최소 객체 크기, 모니터링 요금).",
    ),
    (
        "avg_object_kb",
        "Average object size",
        "Average object size (instead of the object count).",
        "평균 객체 크기",
        "평균 객체 크기(객체 수 대신).",
    ),
    (
        "put_requests",
        "PUT, COPY, POST, LIST requests",
        "Write-type requests per month.",
        "PUT·COPY·POST·LIST 요청",
        "월 쓰기 유형 요청 수.",
    ),
    (
        "get_requests",
        "GET, SELECT and other requests",
        "Read-type requests per month.",
        "GET·SELECT 등 요청",
        "월 읽기 유형 요청 수.",
    ),
    (
        "lifecycle_transitions",
        "Lifecycle transitions",
        "Objects moved into this class by lifecycle rules per month.",
        "수명 주기 전환",
        "월 수명 주기 규칙으로 이 클래스로 옮겨지는 객체 수.",
    ),
    (
        "retrieval_gb",
        "Data retrieved",
        "Data retrieved per month (classes with retrieval fees).",
        "데이터 검색",
        "월 검색 데이터(검색 요금이 있는 클래스).",
    ),
    (
        "retrieval_tier",
        "Retrieval speed",
        "Glacier Flexible Retrieval / Deep Archive retrieval tier.",
        "검색 속도",
        "Glacier Flexible Retrieval / Deep Archive 검색 계층.",
    ),
    (
        "retention_days",
        "Retention",
        "Days objects are kept (minimum storage duration applies).",
        "보존 기간",
        "객체 보관 일수(최소 저장 기간 적용).",
    ),
    (
        "intelligent_tiering.infrequent_pct",
        "Infrequent Access tier",
        "Intelligent-Tiering: share of data in Infrequent Access.",
        "Infrequent Access 계층",
        "Intelligent-Tiering: Infrequent Access 비율.",
    ),
    (
        "intelligent_tiering.archive_instant_pct",
        "Archive Instant tier",
        "Intelligent-Tiering: share in Archive Instant Access.",
        "Archive Instant 계층",
        "Intelligent-Tiering: Archive Instant Access 비율.",
    ),
    (
        "intelligent_tiering.archive_pct",
        "Archive Access tier",
        "Intelligent-Tiering: share in the optional Archive Access tier.",
        "Archive Access 계층",
        "Intelligent-Tiering: 선택적 Archive Access 비율.",
    ),
    (
        "intelligent_tiering.deep_archive_pct",
        "Deep Archive Access tier",
        "Intelligent-Tiering: share in Deep Archive Access.",
        "Deep Archive Access 계층",
        "Intelligent-Tiering: Deep Archive Access 비율.",
    ),
    // EFS
    (
        "efs.storage_class",
        "Storage class",
        "Regional (Standard) or One Zone file system.",
        "스토리지 클래스",
        "리전(Standard) 또는 One Zone 파일 시스템.",
    ),
    (
        "storage_gb",
        "Storage",
        "Data stored, average over the month.",
        "스토리지",
        "월 평균 저장 데이터.",
    ),
    (
        "infrequent_pct",
        "Infrequent Access share",
        "Share of data in the IA tier.",
        "IA 비율",
        "IA 계층의 데이터 비율.",
    ),
    (
        "archive_pct",
        "Archive share",
        "Share of data in the Archive tier (Regional only).",
        "Archive 비율",
        "Archive 계층의 데이터 비율(리전 전용).",
    ),
    (
        "read_gb",
        "Data read",
        "Elastic throughput: data read per month.",
        "읽은 데이터",
        "Elastic 처리량: 월 읽기 데이터.",
    ),
    (
        "write_gb",
        "Data written",
        "Elastic throughput: data written per month.",
        "쓴 데이터",
        "Elastic 처리량: 월 쓰기 데이터.",
    ),
    (
        "provisioned_mibps",
        "Provisioned throughput",
        "Provisioned throughput mode.",
        "프로비저닝 처리량",
        "프로비저닝 처리량 모드.",
    ),
    // Data transfer
    (
        "internet_out_gb",
        "Out to the internet",
        "Data sent from the region to the internet per month.",
        "인터넷으로 송신",
        "월 리전에서 인터넷으로 보내는 데이터.",
    ),
    (
        "internet_in_gb",
        "In from the internet",
        "Data received from the internet per month (free).",
        "인터넷에서 수신",
        "월 인터넷에서 받는 데이터(무료).",
    ),
    (
        "inter_az_gb",
        "Between Availability Zones",
        "Data crossing AZs, counted once per direction as billed.",
        "가용 영역 간",
        "가용 영역 간 데이터, 방향마다 청구.",
    ),
    (
        "inter_region_gb",
        "To other regions",
        "Data sent to other regions, per destination.",
        "다른 리전으로",
        "다른 리전으로 보내는 데이터, 목적지별.",
    ),
    // Lambda
    (
        "requests_per_month",
        "Requests",
        "Invocations per month.",
        "요청 수",
        "월 호출 수.",
    ),
    (
        "duration_ms",
        "Duration",
        "Average duration of one invocation.",
        "실행 시간",
        "호출 1회 평균 실행 시간.",
    ),
    (
        "memory_mb",
        "Memory",
        "Memory allocated to the function (128 MB to 10,240 MB).",
        "메모리",
        "함수에 할당된 메모리(128~10,240 MB).",
    ),
    (
        "architecture",
        "Architecture",
        "x86_64 or Arm (Graviton).",
        "아키텍처",
        "x86_64 또는 Arm(Graviton).",
    ),
    (
        "ephemeral_storage_mb",
        "Ephemeral storage",
        "/tmp storage (512 MB included).",
        "임시 스토리지",
        "/tmp 스토리지(512 MB 포함).",
    ),
    // RDS
    (
        "engine",
        "Engine",
        "Database engine.",
        "엔진",
        "데이터베이스 엔진.",
    ),
    (
        "instance_class",
        "Instance class",
        "DB instance class, e.g. db.m7g.large.",
        "인스턴스 클래스",
        "DB 인스턴스 클래스, 예: db.m7g.large.",
    ),
    (
        "multi_az",
        "Multi-AZ",
        "A standby in a second Availability Zone (twice the instance and storage).",
        "다중 AZ",
        "두 번째 가용 영역의 대기 인스턴스(인스턴스·스토리지 2배).",
    ),
    (
        "rds.count",
        "Instances",
        "Number of identical DB instances.",
        "인스턴스 수",
        "동일한 DB 인스턴스 수.",
    ),
    (
        "hours_per_month",
        "Hours per month",
        "Hours running in a month (730 = always on).",
        "월 사용 시간",
        "월 실행 시간(730 = 항상 켜짐).",
    ),
    (
        "storage_type",
        "Storage type",
        "RDS storage type.",
        "스토리지 유형",
        "RDS 스토리지 유형.",
    ),
    (
        "rds.storage_gb",
        "Allocated storage",
        "Storage allocated per instance.",
        "할당 스토리지",
        "인스턴스당 할당 스토리지.",
    ),
    (
        "iops",
        "Provisioned IOPS",
        "Provisioned IOPS (io1/io2; gp3 above its baseline).",
        "프로비저닝 IOPS",
        "프로비저닝 IOPS(io1/io2; gp3는 기본 초과분).",
    ),
    (
        "throughput_mibps",
        "Throughput",
        "gp3 throughput above its baseline.",
        "처리량",
        "gp3 기본 초과 처리량.",
    ),
    (
        "backup_gb",
        "Backup storage",
        "Backup storage beyond the free allowance (equal to storage).",
        "백업 스토리지",
        "무료 허용량(스토리지 크기)을 넘는 백업 스토리지.",
    ),
    // DynamoDB
    (
        "mode",
        "Capacity mode",
        "On-demand (pay per request) or provisioned capacity.",
        "용량 모드",
        "온디맨드(요청당 과금) 또는 프로비저닝 용량.",
    ),
    (
        "table_class",
        "Table class",
        "Standard or Standard-Infrequent Access.",
        "테이블 클래스",
        "Standard 또는 Standard-IA.",
    ),
    (
        "write_request_units",
        "Write request units",
        "On-demand: write request units per month.",
        "쓰기 요청 단위",
        "온디맨드: 월 쓰기 요청 단위.",
    ),
    (
        "read_request_units",
        "Read request units",
        "On-demand: read request units per month.",
        "읽기 요청 단위",
        "온디맨드: 월 읽기 요청 단위.",
    ),
    (
        "write_capacity_units",
        "Write capacity units",
        "Provisioned: WCUs held all month.",
        "쓰기 용량 단위",
        "프로비저닝: 한 달 내내 유지하는 WCU.",
    ),
    (
        "read_capacity_units",
        "Read capacity units",
        "Provisioned: RCUs held all month.",
        "읽기 용량 단위",
        "프로비저닝: 한 달 내내 유지하는 RCU.",
    ),
    (
        "dynamodb.storage_gb",
        "Table storage",
        "Data stored in the table.",
        "테이블 스토리지",
        "테이블에 저장된 데이터.",
    ),
    // NAT, load balancers, IPv4
    (
        "nat_gateway.count",
        "NAT gateways",
        "Number of NAT gateways.",
        "NAT 게이트웨이 수",
        "NAT 게이트웨이 수.",
    ),
    (
        "data_processed_gb",
        "Data processed",
        "Data processed by all the gateways per month.",
        "처리 데이터",
        "모든 게이트웨이가 처리하는 월 데이터.",
    ),
    (
        "lb_type",
        "Load balancer type",
        "Application (ALB) or Network (NLB) Load Balancer.",
        "로드 밸런서 유형",
        "Application(ALB) 또는 Network(NLB) 로드 밸런서.",
    ),
    (
        "load_balancer.count",
        "Load balancers",
        "Number of load balancers.",
        "로드 밸런서 수",
        "로드 밸런서 수.",
    ),
    (
        "processed_gb",
        "Data processed",
        "Data processed per month, all load balancers together.",
        "처리 데이터",
        "모든 로드 밸런서의 월 처리 데이터.",
    ),
    (
        "new_connections_per_sec",
        "New connections",
        "Average new connections (ALB) or flows (NLB) per second, per LB.",
        "새 연결",
        "LB당 초당 평균 새 연결(ALB) 또는 흐름(NLB).",
    ),
    (
        "active_connections",
        "Active connections",
        "Average active connections (per minute), per LB.",
        "활성 연결",
        "LB당 평균 활성 연결(분당).",
    ),
    (
        "rule_evaluations_per_sec",
        "Rule evaluations",
        "ALB: rule evaluations per second, per LB.",
        "규칙 평가",
        "ALB: LB당 초당 규칙 평가 수.",
    ),
    (
        "in_use",
        "In-use addresses",
        "Public IPv4 addresses attached to running resources.",
        "사용 중 주소",
        "실행 중인 리소스에 연결된 퍼블릭 IPv4 주소.",
    ),
    (
        "idle",
        "Idle addresses",
        "Elastic IPs allocated but not attached.",
        "유휴 주소",
        "할당되었지만 연결되지 않은 탄력적 IP.",
    ),
    // EKS, Fargate
    (
        "eks.count",
        "Clusters",
        "Number of EKS clusters (each billed per cluster-hour).",
        "클러스터 수",
        "EKS 클러스터 수(클러스터 시간당 과금).",
    ),
    (
        "extended_support",
        "Extended support",
        "The clusters run a Kubernetes version in extended support (higher hourly rate).",
        "연장 지원",
        "연장 지원 Kubernetes 버전 실행(시간당 요금 높음).",
    ),
    (
        "fargate.count",
        "Tasks",
        "Average number of running tasks (or pods).",
        "작업 수",
        "실행 중인 평균 작업(또는 파드) 수.",
    ),
    (
        "vcpu",
        "vCPU per task",
        "vCPU of each task (0.25 to 16).",
        "작업당 vCPU",
        "작업당 vCPU(0.25~16).",
    ),
    (
        "memory_gb",
        "Memory per task",
        "Memory of each task.",
        "작업당 메모리",
        "작업당 메모리.",
    ),
    (
        "platform",
        "Platform",
        "Operating system and CPU (Windows adds an OS licence per vCPU-hour).",
        "플랫폼",
        "운영 체제와 CPU(Windows는 vCPU 시간당 OS 라이선스 추가).",
    ),
    (
        "orchestrator",
        "Orchestrator",
        "Amazon ECS tasks or Amazon EKS pods on Fargate.",
        "오케스트레이터",
        "Fargate의 Amazon ECS 작업 또는 Amazon EKS 파드.",
    ),
    (
        "ephemeral_storage_gb",
        "Ephemeral storage per task",
        "20 GB are included; more is billed per GB-hour.",
        "작업당 임시 스토리지",
        "20 GB 포함, 초과분은 GB 시간당 과금.",
    ),
    (
        "spot_pct",
        "Fargate Spot share",
        "Share of the task-hours on Fargate Spot (ECS only).",
        "Fargate Spot 비율",
        "Fargate Spot에서 실행되는 작업 시간 비율(ECS 전용).",
    ),
    // Custom
    (
        "monthly_usd",
        "Monthly",
        "Fixed monthly amount (support plan, licence …).",
        "월 금액",
        "고정 월 금액(지원 플랜, 라이선스 등).",
    ),
    (
        "upfront_usd",
        "Upfront",
        "One-time amount.",
        "선결제",
        "일회성 금액.",
    ),
    (
        "note",
        "Source",
        "Where the figure comes from (quote, invoice …).",
        "출처",
        "금액의 출처(견적, 청구서 등).",
    ),
    (
        "count",
        "Count",
        "Number of identical resources.",
        "개수",
        "동일한 리소스 수.",
    ),
    // Auto Scaling groups (Scaling tab)
    (
        "scaling_group.instance_type",
        "Instance type",
        "An instance type the group launches (in priority order).",
        "인스턴스 유형",
        "그룹이 시작하는 인스턴스 유형(우선순위 순).",
    ),
    (
        "scaling_group.weight",
        "Weight",
        "Capacity units one instance of this type counts for.",
        "가중치",
        "이 유형 인스턴스 하나가 차지하는 용량 단위.",
    ),
    (
        "scaling_group.capacity_per_unit",
        "Capacity per unit",
        "Demand one capacity unit serves at 100 % utilisation (req/s …).",
        "단위당 용량",
        "용량 단위 하나가 100% 사용률에서 처리하는 수요(req/s 등).",
    ),
    (
        "scaling_group.min",
        "Minimum",
        "Minimum capacity (units).",
        "최소",
        "최소 용량(단위).",
    ),
    (
        "scaling_group.desired",
        "Desired",
        "Desired capacity at the start (units).",
        "원하는 용량",
        "시작 시 원하는 용량(단위).",
    ),
    (
        "scaling_group.max",
        "Maximum",
        "Maximum capacity (units).",
        "최대",
        "최대 용량(단위).",
    ),
    (
        "scaling_group.instance_warmup_s",
        "Instance warm-up",
        "Seconds from launch until an instance serves (empty: the default cooldown).",
        "인스턴스 워밍업",
        "시작부터 서비스까지의 초(비우면 기본 쿨다운).",
    ),
    (
        "scaling_group.default_cooldown_s",
        "Default cooldown",
        "Cooldown of simple scaling policies (AWS default 300 s).",
        "기본 쿨다운",
        "단순 조정 정책의 쿨다운(AWS 기본 300초).",
    ),
    (
        "scaling_group.replacement_delay_s",
        "Replacement delay",
        "Seconds to replace an interrupted instance until it serves again.",
        "교체 지연",
        "중단된 인스턴스를 교체해 다시 서비스할 때까지의 초.",
    ),
    (
        "scaling_group.step_minutes",
        "Simulation step",
        "Step length of the simulation.",
        "시뮬레이션 단계",
        "시뮬레이션 단계 길이.",
    ),
    (
        "scaling_group.months",
        "Months simulated",
        "Months from the plan's start month (1 to 36).",
        "시뮬레이션 개월",
        "계획 시작 월부터의 개월 수(1~36).",
    ),
    (
        "scaling_group.seed",
        "Random seed",
        "Seed of demand noise and Spot interruptions.",
        "난수 시드",
        "수요 잡음과 스팟 중단의 시드.",
    ),
    (
        "scaling_group.demand_kind",
        "Demand",
        "A built-in profile, or a CSV file of timestamp,value rows.",
        "수요",
        "기본 제공 프로필 또는 timestamp,value CSV 파일.",
    ),
    (
        "scaling_group.csv_path",
        "CSV file",
        "Path of the demand CSV, relative to the plan file.",
        "CSV 파일",
        "계획 파일 기준 수요 CSV 경로.",
    ),
    (
        "scaling_group.base",
        "Base demand",
        "Mean demand at the start, in the demand's unit.",
        "기본 수요",
        "시작 시 평균 수요(수요 단위).",
    ),
    (
        "scaling_group.daily",
        "Daily cycle",
        "Demand rises and falls over each day.",
        "일간 주기",
        "하루 동안 수요가 오르내림.",
    ),
    (
        "scaling_group.peak_hour",
        "Peak hour",
        "Hour of the daily peak (0 to 24, UTC).",
        "피크 시각",
        "일간 피크 시각(0~24, UTC).",
    ),
    (
        "scaling_group.amplitude",
        "Amplitude",
        "0 to 1: 0.5 means the peak is 1.5 × and the trough 0.5 × the mean.",
        "진폭",
        "0~1: 0.5면 피크 1.5배, 저점 0.5배.",
    ),
    (
        "scaling_group.weekly",
        "Weekend dip",
        "Saturday and Sunday demand is multiplied by a factor.",
        "주말 감소",
        "토·일 수요에 배수 적용.",
    ),
    (
        "scaling_group.weekend_factor",
        "Weekend factor",
        "Multiplier of weekend demand (0.6 = 40 % less).",
        "주말 배수",
        "주말 수요 배수(0.6 = 40% 감소).",
    ),
    (
        "scaling_group.monthly_spike",
        "Monthly spike",
        "A spike on one day of every month (billing run, sale …).",
        "월간 스파이크",
        "매월 하루의 스파이크(정산, 세일 등).",
    ),
    (
        "scaling_group.day",
        "Day of month",
        "Day of the spike (1 to 31).",
        "일자",
        "스파이크 날짜(1~31).",
    ),
    (
        "scaling_group.start_hour",
        "Start hour",
        "Hour the spike starts (0 to 23).",
        "시작 시각",
        "스파이크 시작 시각(0~23).",
    ),
    (
        "scaling_group.hours",
        "Hours",
        "Length of the spike.",
        "시간",
        "스파이크 길이.",
    ),
    (
        "scaling_group.factor",
        "Factor",
        "Demand multiplier during the spike.",
        "배수",
        "스파이크 동안 수요 배수.",
    ),
    (
        "scaling_group.growth_pct_per_month",
        "Growth per month",
        "Compound growth of demand (may be negative).",
        "월 성장률",
        "수요의 복리 성장률(음수 가능).",
    ),
    (
        "scaling_group.noise",
        "Noise",
        "Standard deviation of random noise, percent (0: none).",
        "잡음",
        "무작위 잡음의 표준편차, %(0: 없음).",
    ),
    (
        "scaling_group.policy_type",
        "Policy type",
        "Target tracking keeps utilisation at a target; step and simple policies react to an alarm.",
        "정책 유형",
        "대상 추적은 사용률을 목표로 유지하고, 단계·단순 정책은 경보에 반응.",
    ),
    (
        "scaling_group.target_pct",
        "Target utilisation",
        "Average utilisation to keep.",
        "목표 사용률",
        "유지할 평균 사용률.",
    ),
    (
        "scaling_group.policy_warmup_s",
        "Instance warm-up",
        "Overrides the group's warm-up for this policy (empty: the group's).",
        "인스턴스 워밍업",
        "이 정책의 워밍업(비우면 그룹 값).",
    ),
    (
        "scaling_group.disable_scale_in",
        "Disable scale-in",
        "The policy only adds capacity.",
        "축소 비활성화",
        "정책이 용량을 늘리기만 함.",
    ),
    (
        "scaling_group.alarm_high_minutes",
        "Minutes above target",
        "Minutes above target before scaling out.",
        "목표 초과 분",
        "확장 전 목표 초과 분.",
    ),
    (
        "scaling_group.alarm_low_minutes",
        "Minutes below target",
        "Minutes below 90 % of target before scaling in.",
        "목표 미만 분",
        "축소 전 목표 90% 미만 분.",
    ),
    (
        "scaling_group.comparison",
        "Alarm when utilisation is",
        "Comparison of the alarm.",
        "경보 조건",
        "경보 비교 방식.",
    ),
    (
        "scaling_group.threshold",
        "Threshold",
        "Utilisation threshold of the alarm.",
        "임계값",
        "경보의 사용률 임계값.",
    ),
    (
        "scaling_group.evaluation_minutes",
        "Evaluation minutes",
        "Consecutive breaching minutes before the alarm fires.",
        "평가 분",
        "경보 발생 전 연속 위반 분.",
    ),
    (
        "scaling_group.adjustment_type",
        "Adjustment type",
        "How the adjustment changes capacity.",
        "조정 유형",
        "조정이 용량을 바꾸는 방식.",
    ),
    (
        "scaling_group.adjustment",
        "Adjustment",
        "Units (or percent) added, removed or set.",
        "조정",
        "추가·제거·설정할 단위(또는 %).",
    ),
    (
        "scaling_group.min_adjustment_magnitude",
        "Minimum adjustment",
        "Percent adjustments: change at least this many units.",
        "최소 조정",
        "백분율 조정: 최소 이 단위만큼 변경.",
    ),
    (
        "scaling_group.cooldown_s",
        "Cooldown",
        "Overrides the group's default cooldown (empty: the group's).",
        "쿨다운",
        "그룹 기본 쿨다운 대체(비우면 그룹 값).",
    ),
    (
        "scaling_group.lower",
        "From (above threshold)",
        "Lower bound of the step, points from the threshold (empty: −∞).",
        "시작(임계값 기준)",
        "단계 하한, 임계값 기준 포인트(비우면 −∞).",
    ),
    (
        "scaling_group.upper",
        "To",
        "Upper bound of the step (empty: +∞).",
        "끝",
        "단계 상한(비우면 +∞).",
    ),
    (
        "scaling_group.action_name",
        "Name",
        "Name of the scheduled action.",
        "이름",
        "예약 작업 이름.",
    ),
    (
        "scaling_group.when",
        "Repeats",
        "Once, every day, or on chosen weekdays.",
        "반복",
        "한 번, 매일 또는 선택한 요일.",
    ),
    (
        "scaling_group.at",
        "At",
        "Local time HH:MM (once: YYYY-MM-DDTHH:MM).",
        "시각",
        "현지 시각 HH:MM(한 번: YYYY-MM-DDTHH:MM).",
    ),
    (
        "scaling_group.days",
        "Days",
        "Weekdays of a weekly action.",
        "요일",
        "주간 작업의 요일.",
    ),
    (
        "scaling_group.utc_offset_minutes",
        "UTC offset",
        "Fixed offset from UTC in minutes when no time zone is set (+540 = UTC+09:00).",
        "UTC 오프셋",
        "시간대가 없을 때 UTC와의 고정 차이(분, +540 = UTC+09:00).",
    ),
    (
        "scaling_group.set_min",
        "Set minimum",
        "New minimum (empty: unchanged).",
        "최소 설정",
        "새 최소(비우면 그대로).",
    ),
    (
        "scaling_group.set_max",
        "Set maximum",
        "New maximum (empty: unchanged).",
        "최대 설정",
        "새 최대(비우면 그대로).",
    ),
    (
        "scaling_group.set_desired",
        "Set desired",
        "New desired capacity (empty: unchanged).",
        "원하는 용량 설정",
        "새 원하는 용량(비우면 그대로).",
    ),
    (
        "scaling_group.predictive",
        "Predictive scaling",
        "Forecast-based scaling (AWS predictive scaling policy).",
        "예측 조정",
        "예측 기반 조정(AWS 예측 조정 정책).",
    ),
    (
        "scaling_group.mode",
        "Mode",
        "Forecast only, or forecast and scale.",
        "모드",
        "예측만 또는 예측 후 조정.",
    ),
    (
        "scaling_group.scheduling_buffer_s",
        "Scheduling buffer",
        "Launch this long before each hour (under 3600 s).",
        "예약 버퍼",
        "매 시각 이만큼 먼저 시작(3600초 미만).",
    ),
    (
        "scaling_group.increase_max_capacity",
        "May raise maximum",
        "The forecast may raise max capacity.",
        "최대 증가 허용",
        "예측이 최대 용량을 올릴 수 있음.",
    ),
    (
        "scaling_group.max_capacity_buffer_pct",
        "Max capacity buffer",
        "Percent above the forecast (0 to 100).",
        "최대 용량 버퍼",
        "예측 대비 여유 %(0~100).",
    ),
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
    /// “On-Demand”.
    pub on_demand: &'static str,
    /// “Spot”.
    pub spot: &'static str,
    /// “Reserved Instances”.
    pub reserved: &'static str,
    /// “Savings Plan”.
    pub savings_plan: &'static str,
    /// “Standard”.
    pub standard: &'static str,
    /// “Convertible”.
    pub convertible: &'static str,
    /// “Compute Savings Plan”.
    pub compute_sp: &'static str,
    /// “EC2 Instance Savings Plan”.
    pub ec2_instance_sp: &'static str,
    /// “1 year”.
    pub one_year: &'static str,
    /// “3 years”.
    pub three_years: &'static str,
    /// “Constant usage”.
    pub constant: &'static str,
    /// “Daily spike”.
    pub daily_spike: &'static str,
    /// “Weekly spike”.
    pub weekly_spike: &'static str,
    /// “Monthly spike”.
    pub monthly_spike: &'static str,
    /// “Per month”.
    pub preview: &'static str,
    /// “instance-hours”.
    pub instance_hours: &'static str,
    /// “(not set)”.
    pub not_set: &'static str,
    /// “Add destination”.
    pub add_destination: &'static str,
    /// “Remove”.
    pub remove: &'static str,
    /// “Not applied”.
    pub rejected: &'static str,
    /// “volumes”.
    pub volumes: &'static str,
    /// “addresses”.
    pub addresses: &'static str,
    /// “gateways”.
    pub gateways: &'static str,
    /// “load balancers”.
    pub load_balancers: &'static str,
    /// “units”.
    pub units: &'static str,
    /// “clusters”.
    pub clusters: &'static str,
    /// “tasks”.
    pub tasks: &'static str,
    /// “requests”.
    pub requests: &'static str,
    /// “objects”.
    pub objects: &'static str,
    /// “instances”.
    pub instances: &'static str,
    /// “Yes”.
    pub yes: &'static str,
    /// “Edit in the Scaling tab”.
    pub open_scaling: &'static str,
    /// “Auto Scaling group: instance types, capacity, demand, policies and scheduled actions are edited in the Scaling tab.”.
    pub scaling_summary: &'static str,
    /// “None”.
    pub none: &'static str,
    /// “Plan settings”.
    pub plan_settings: &'static str,
    /// “Aggregate per region (as AWS bills)”.
    pub tier_aggregate: &'static str,
    /// “Per item (as the Pricing Calculator shows)”.
    pub tier_per_item: &'static str,
    /// “months”.
    pub months: &'static str,
    /// “Add group”.
    pub add_group: &'static str,
    /// “New group name”.
    pub new_group_name: &'static str,
    /// “Rename”.
    pub rename: &'static str,
    /// “Delete group”.
    pub delete_group: &'static str,
    /// “Move its items to”.
    pub items_move_to: &'static str,
    /// “No group”.
    pub ungrouped: &'static str,
    /// “Move up”.
    pub move_up: &'static str,
    /// “Move down”.
    pub move_down: &'static str,
    /// “Nested in”.
    pub nest_in: &'static str,
    /// “(top level)”.
    pub top_level: &'static str,
    /// “Description”.
    pub description: &'static str,
    /// “Delete parameter”.
    pub delete_parameter: &'static str,
    /// “Cancel”.
    pub cancel: &'static str,
    /// “Delete”.
    pub confirm_delete: &'static str,
    /// “Name”.
    pub parameter_name: &'static str,
    /// “Manage”.
    pub manage: &'static str,
    /// “Plan default”.
    pub plan_default: &'static str,
    /// “Add policy”.
    pub add_policy: &'static str,
    /// “Add step”.
    pub add_step: &'static str,
    /// “Add scheduled action”.
    pub add_action: &'static str,
    /// “Add instance type”.
    pub add_instance_type: &'static str,
    /// “Policy”.
    pub policy: &'static str,
    /// “Scheduled action”.
    pub action: &'static str,
    /// “Built-in profile”.
    pub profile: &'static str,
    /// “CSV file”.
    pub csv_file: &'static str,
    /// “Target tracking”.
    pub target_tracking: &'static str,
    /// “Step scaling”.
    pub step_scaling: &'static str,
    /// “Simple scaling”.
    pub simple_scaling: &'static str,
    /// “Once”.
    pub once: &'static str,
    /// “Every day”.
    pub daily: &'static str,
    /// “Weekly”.
    pub weekly: &'static str,
    /// “Forecast only”.
    pub forecast_only: &'static str,
    /// “Forecast and scale”.
    pub forecast_and_scale: &'static str,
    /// “Change in capacity (units)”.
    pub change_in_capacity: &'static str,
    /// “Exact capacity”.
    pub exact_capacity: &'static str,
    /// “Percent change in capacity”.
    pub percent_change: &'static str,
    /// “On”.
    pub enabled: &'static str,
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
    volumes: "volumes",
    addresses: "addresses",
    gateways: "gateways",
    load_balancers: "load balancers",
    units: "units",
    clusters: "clusters",
    tasks: "tasks",
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
    manage: "Manage",
    plan_default: "Plan default",
    add_policy: "Add policy",
    add_step: "Add step",
    add_action: "Add scheduled action",
    add_instance_type: "Add instance type",
    policy: "Policy",
    action: "Scheduled action",
    profile: "Built-in profile",
    csv_file: "CSV file",
    target_tracking: "Target tracking",
    step_scaling: "Step scaling",
    simple_scaling: "Simple scaling",
    once: "Once",
    daily: "Every day",
    weekly: "Weekly",
    forecast_only: "Forecast only",
    forecast_and_scale: "Forecast and scale",
    change_in_capacity: "Change in capacity (units)",
    exact_capacity: "Exact capacity",
    percent_change: "Percent change in capacity",
    enabled: "On",
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
    volumes: "볼륨",
    addresses: "주소",
    gateways: "게이트웨이",
    load_balancers: "로드 밸런서",
    units: "단위",
    clusters: "클러스터",
    tasks: "작업",
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
    manage: "관리",
    plan_default: "계획 기본값",
    add_policy: "정책 추가",
    add_step: "단계 추가",
    add_action: "예약 작업 추가",
    add_instance_type: "인스턴스 유형 추가",
    policy: "정책",
    action: "예약 작업",
    profile: "기본 제공 프로필",
    csv_file: "CSV 파일",
    target_tracking: "대상 추적",
    step_scaling: "단계 조정",
    simple_scaling: "단순 조정",
    once: "한 번",
    daily: "매일",
    weekly: "매주",
    forecast_only: "예측만",
    forecast_and_scale: "예측 및 조정",
    change_in_capacity: "용량 변경(단위)",
    exact_capacity: "정확한 용량",
    percent_change: "용량 백분율 변경",
    enabled: "사용",
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
