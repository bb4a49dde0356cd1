"""The curated vocabularies a fresh install starts with.

Slugs are stable identifiers (URLs, the search index and the interchange format
use them); labels may be edited in the admin.
"""

# (slug, Spanish, English, parent slug, OGP policy-area columns)
THEMES = [
    (
        "access-to-information",
        "Acceso a la información",
        "Access to information",
        None,
        ["Right To Information", "Access to information"],
    ),
    (
        "open-data",
        "Datos abiertos",
        "Open data",
        "access-to-information",
        [
            "Open Data",
            "Open Data (Water/Sanitation)",
            "Open Data (Health)",
            "Open Data (Education)",
        ],
    ),
    (
        "anti-corruption",
        "Anticorrupción e integridad",
        "Anti-corruption and integrity",
        None,
        [
            "Anti-Corruption and Integrity",
            "Anti-corruption Institutions",
            "Anti-Corruption Strategies",
            "Conflicts Of Interest",
            "Asset Disclosure",
            "Audits",
        ],
    ),
    (
        "beneficial-ownership",
        "Beneficiarios finales",
        "Beneficial ownership",
        "anti-corruption",
        ["Beneficial Ownership"],
    ),
    (
        "open-contracting",
        "Contrataciones abiertas",
        "Open contracting",
        "anti-corruption",
        ["Open Contracting", "Public Procurement"],
    ),
    ("lobbying", "Cabildeo", "Lobbying", "anti-corruption", ["Lobbying"]),
    (
        "whistleblower-protection",
        "Protección de denunciantes",
        "Whistleblower protection",
        "anti-corruption",
        ["Whistleblower Protections"],
    ),
    (
        "political-finance",
        "Financiamiento político y elecciones",
        "Political finance and elections",
        "anti-corruption",
        ["Political Finance", "Elections", "Money in Politics"],
    ),
    (
        "fiscal-openness",
        "Transparencia fiscal",
        "Fiscal openness",
        None,
        [
            "Fiscal Openness",
            "Publication Of Budget/Fiscal Information",
            "Oversight Of Budget/Fiscal Policies",
            "Tax",
            "Debt",
            "Stimulus and Economic Recovery",
        ],
    ),
    (
        "citizen-participation",
        "Participación ciudadana",
        "Citizen participation",
        None,
        [
            "Public Participation",
            "Democratizing Decision-Making",
            "Digital Participation",
            "Mainstreaming Participation",
            "Participation in Lawmaking",
        ],
    ),
    (
        "participatory-budgeting",
        "Presupuesto participativo",
        "Participatory budgeting",
        # Residents decide on spending: participation, kept apart from publishing
        # budgets (fiscal openness), which it used to fill.
        "citizen-participation",
        ["Public Participation In Budget/Fiscal Policy"],
    ),
    (
        "social-accountability",
        "Contraloría social",
        "Social accountability",
        "citizen-participation",
        ["Social Accountability"],
    ),
    (
        "civic-space",
        "Espacio cívico",
        "Civic space",
        None,
        [
            "Civic Space and Enabling Environment",
            "Freedom of Assembly",
            "Freedom of Association",
            "Freedom of Expression",
            "Online Civic Space",
        ],
    ),
    (
        "digital-government",
        "Gobierno digital",
        "Digital government",
        None,
        [
            "Digital Governance",
            "Digital Transformation",
            "Automated Decision-making",
            "Data Stewardship and Privacy",
            "Digital Inclusion",
            "Disinformation/Misinformation",
        ],
    ),
    (
        "open-parliament",
        "Parlamento abierto",
        "Open parliament",
        None,
        [
            "Open Parliaments",
            "Open Parliament Plan",
            "Legislative Oversight",
            "Legislation",
        ],
    ),
    (
        "open-justice",
        "Justicia abierta",
        "Open justice",
        None,
        [
            "Justice",
            "Access to Justice",
            "Open Justice",
            "Judiciary",
            "Policing & Corrections",
        ],
    ),
    (
        "public-services",
        "Servicios públicos",
        "Public services",
        None,
        [
            "Public Service Delivery",
            "Education",
            "Health & Nutrition",
            "Citizenship & Immigration",
        ],
    ),
    (
        "water-sanitation",
        "Agua y saneamiento",
        "Water and sanitation",
        "public-services",
        ["Water & Sanitation"],
    ),
    (
        "public-works",
        "Obra pública e infraestructura",
        "Public works and infrastructure",
        "public-services",
        ["Infrastructure & Transport"],
    ),
    (
        "environment-climate",
        "Medio ambiente y clima",
        "Environment and climate",
        None,
        [
            "Environment & Climate",
            "Climate Finance",
            "Climate Mitigation and Adaptation",
            "Environmental Regulation",
            "International Environmental Agreements",
            "Energy",
        ],
    ),
    (
        "extractive-industries",
        "Industrias extractivas y territorio",
        "Extractive industries and land",
        "environment-climate",
        ["Extractive Industries", "Land and Spatial Planning"],
    ),
    (
        "inclusion",
        "Inclusión y derechos humanos",
        "Inclusion and human rights",
        None,
        [
            "Inclusion",
            "Economic Inclusion",
            "LGBTQIA+",
            "People with Disabilities",
            "Youth",
            "Human Rights",
        ],
    ),
    ("gender", "Género", "Gender", "inclusion", ["Gender", "Gender-Based Violence"]),
    (
        "regulatory-governance",
        "Mejora regulatoria",
        "Regulatory governance",
        None,
        ["Regulatory Governance", "Regulation"],
    ),
    (
        "public-security",
        "Seguridad pública",
        "Public security",
        None,
        ["Security & Public Safety"],
    ),
    (
        "capacity-building",
        "Fortalecimiento institucional",
        "Capacity building",
        None,
        [
            "Capacity Building",
            "Private Sector",
            "Labor",
            "Aid",
            "Science & Technology",
            "Media & Telecommunications",
        ],
    ),
]

OUTCOMES = [
    ("information-published", "Información publicada", "Information published"),
    (
        "better-access-to-information",
        "Mejor acceso a la información",
        "Better access to information",
    ),
    (
        "increased-participation",
        "Más participación ciudadana",
        "More citizen participation",
    ),
    (
        "stronger-accountability",
        "Rendición de cuentas fortalecida",
        "Stronger accountability",
    ),
    ("policy-or-law-change", "Cambio normativo o de política", "Policy or law change"),
    ("institutional-change", "Cambio institucional", "Institutional change"),
    ("better-public-services", "Mejores servicios públicos", "Better public services"),
    ("savings-or-efficiency", "Ahorros o eficiencia", "Savings or efficiency"),
    (
        "irregularities-detected",
        "Irregularidades detectadas o sancionadas",
        "Irregularities detected or sanctioned",
    ),
    (
        "government-opened",
        "Gobierno más abierto (evaluación independiente)",
        "Government opened (independent assessment)",
    ),
]

EVIDENCE_LEVELS = [
    ("anecdotal", "Anecdótica", "Anecdotal"),
    ("self-reported", "Autorreportada", "Self-reported"),
    ("documented", "Documentada", "Documented"),
    (
        "independently-evaluated",
        "Evaluada de forma independiente",
        "Independently evaluated",
    ),
]

GOVERNMENT_LEVELS = [
    ("national", "Federal o nacional", "Federal or national"),
    ("state", "Estatal o provincial", "State or provincial"),
    ("municipal", "Municipal", "Municipal"),
    ("multi-level", "Varios órdenes de gobierno", "Multi-level"),
]

# The kinds of regulated party (sujetos obligados) in the General Transparency Act, art. 23.
REGULATED_PARTY_TYPES = [
    ("executive", "Poder Ejecutivo", "Executive branch"),
    ("legislative", "Poder Legislativo", "Legislative branch"),
    ("judicial", "Poder Judicial", "Judicial branch"),
    ("autonomous-bodies", "Órganos autónomos", "Autonomous bodies"),
    ("political-parties", "Partidos políticos", "Political parties"),
    ("trade-unions", "Sindicatos", "Trade unions"),
    (
        "trusts-public-funds",
        "Fideicomisos y fondos públicos",
        "Trusts and public funds",
    ),
    (
        "public-resources-recipients",
        "Personas que reciben recursos públicos",
        "Others receiving public resources",
    ),
]

PRACTICE_TYPES = [
    ("open-government", "Gobierno abierto", "Open government"),
    ("proactive-transparency", "Transparencia proactiva", "Proactive transparency"),
    ("citizen-participation", "Participación ciudadana", "Citizen participation"),
    ("open-data", "Datos abiertos", "Open data"),
    (
        "accountability-anti-corruption",
        "Rendición de cuentas y anticorrupción",
        "Accountability and anti-corruption",
    ),
    ("co-creation", "Cocreación", "Co-creation"),
]

# A practice still running: its page reads its years "since <start>".
ONGOING_STATUS = "ongoing"
STATUSES = [
    (ONGOING_STATUS, "En curso", "Ongoing"),
    ("completed", "Concluida", "Completed"),
    ("discontinued", "Discontinuada", "Discontinued"),
]

FLAT_VOCABULARIES = {
    "Outcome": OUTCOMES,
    "EvidenceLevel": EVIDENCE_LEVELS,
    "GovernmentLevel": GOVERNMENT_LEVELS,
    "RegulatedPartyType": REGULATED_PARTY_TYPES,
    "PracticeType": PRACTICE_TYPES,
    "PracticeStatus": STATUSES,
}
