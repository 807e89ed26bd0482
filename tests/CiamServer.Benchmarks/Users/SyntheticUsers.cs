namespace CiamServer.Benchmarks.Users;

/// <summary>Reproducible made-up users: common given and family names (so a name prefix matches thousands, as in a
/// real pool), unique emails in a few shapes and domains, unique valid US mobile-style numbers for 80%, sign-up times
/// one every few seconds, version 7 ids in that order.</summary>
internal static class SyntheticUsers
{
    public static readonly string[] GivenNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy",
        "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
        "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa",
        "Timothy", "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
        "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen", "Brenda",
        "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine",
        "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine",
        "Dennis", "Maria", "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan", "Joyce",
        "Henry", "Virginia", "Douglas", "Victoria", "Zachary", "Kelly", "Peter", "Lauren", "Kyle", "Christina", "Noah", "Joan",
        "Ethan", "Evelyn", "Jeremy", "Judith", "Walter", "Megan", "Christian", "Andrea", "Keith", "Cheryl", "Roger", "Hannah",
        "Terry", "Jacqueline", "Austin", "Martha", "Sean", "Gloria", "Gerald", "Teresa", "Carl", "Ann", "Harold", "Sara", "Dylan",
        "Madison", "Arthur", "Frances", "Lawrence", "Kathryn", "Jordan", "Janice", "Jesse", "Jean", "Bryan", "Abigail", "Billy",
        "Alice", "Bruce", "Judy", "Gabriel", "Sophia", "Joe", "Grace", "Logan", "Denise", "Albert", "Amber", "Willie", "Doris",
        "Alan", "Marilyn", "Eugene", "Danielle", "Russell", "Beverly", "Vincent", "Isabella", "Philip", "Theresa", "Bobby", "Diana",
        "Johnny", "Natalie", "Bradley", "Brittany", "Roy", "Charlotte", "Ralph", "Marie", "Louis", "Kayla", "Randy", "Alexis", "Wayne",
    ];

    public static readonly string[] FamilyNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
        "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross",
        "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
        "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar",
        "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington",
        "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson",
        "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes",
        "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
        "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant",
        "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley",
        "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray",
        "Delgado", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis", "Carpenter",
        "Lawrence", "Sandoval", "Guerrero", "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins", "Greene", "Nunez", "Wheeler",
        "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison", "Franklin", "Carlson", "Austin", "Dominguez",
        "Carr", "Lawson", "Jacobs", "Obrien", "Lynch", "Singh", "Vega", "Bishop", "Montgomery", "Oliver", "Jensen", "Harvey",
        "Williamson", "Gilbert", "Dean", "Sims", "Espinoza", "Howell", "Li", "Wong", "Reid", "Hanson", "Le", "McCoy", "Garrett",
        "Burton", "Fuller", "Wang", "Weber", "Welch", "Rojas", "Lucas", "Marquez", "Fields", "Park", "Yang", "Little", "Banks",
        "Padilla", "Day", "Walsh", "Bowman", "Schultz", "Luna", "Fowler", "Mejia", "Davidson", "Acosta", "Brewer", "May", "Holland",
    ];

    private static readonly string[] Domains = ["example.com", "mail.example", "example.org", "inbox.example", "example.net", "post.example"];

    // Area codes of real US regions; exchanges 200-999 and any line number make numbers libphonenumber accepts.
    private static readonly string[] AreaCodes = ["201", "212", "305", "312", "415", "503", "617", "702"];

    public static IEnumerable<SyntheticUser> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var at = start;
        for (var i = 0; i < count; i++)
        {
            at += TimeSpan.FromMilliseconds(random.Next(1, 60_000));
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var domain = Domains[random.Next(Domains.Length)];
            var email = (random.Next(3) switch
            {
                0 => $"{given}.{family}.{i}@{domain}",
                1 => $"{given[0]}{family}{i}@{domain}",
                _ => $"{family}.{given}{i % 97}.{i}@{domain}",
            }).ToLowerInvariant();
            yield return new SyntheticUser(Guid.CreateVersion7(at), email, random.Next(5) == 0 ? null : PhoneOf(i, seed), given, family,
                random.Next(200) == 0, at.UtcDateTime);
        }
    }

    /// <summary>A different number for every (i, seed) below 6.4 million users: i scrambled by a multiplier prime to
    /// the number of combinations, then split into area code, exchange and line.</summary>
    public static string PhoneOf(int i, int seed)
    {
        var n = (((long)i * 7919) + seed * 1_000_003L) % 64_000_000;
        return $"+1{AreaCodes[n % 8]}{200 + (n / 8 % 800)}{n / 6400:D4}";
    }
}

internal sealed record SyntheticUser(Guid Id, string Email, string? Phone, string GivenName, string FamilyName, bool Disabled, DateTime CreatedAt);
