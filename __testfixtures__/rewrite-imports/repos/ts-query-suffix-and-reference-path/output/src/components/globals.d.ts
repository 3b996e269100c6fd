type Px = number;
